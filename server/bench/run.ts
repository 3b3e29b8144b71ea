import { serve } from '@hono/node-server';
import { mkdir, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import type { Db } from '../db';
import { markSummariesStale, refreshDueSummaries } from '../store/summary-cache';
import { type BenchBackend, openBackend } from './backends';
import { Dataset } from './dataset';
import { httpLoad } from './http-load';
import type { HttpLoadInput, HttpLoadOutput } from './http-worker';
import { send } from './http-request';
import { loadDataset } from './load-data';
import { type BenchOptions, datasetSize, parseOptions } from './options';
import { rawLoad } from './raw-load';
import { RecordingDb, type Statement } from './recording-db';
import { type BackendResult, type BenchReport, formatTable, type ScenarioResult } from './report';
import { scenarios } from './scenarios';
import { summarise } from './stats';

const DEFAULT_OUT = fileURLToPath(new URL('../../bench/server-results.json', import.meta.url));
const METHOD = 'Each backend: the dataset is loaded, then every account summary is computed and stored, as the '
  + 'server\'s refresher does at start (refreshDueSummaries in batches of 200; summaryRefresh: accounts and seconds), '
  + 'then the real HTTP server (createApp on @hono/node-server, loopback, a free port) serves it. A lookup reads the '
  + 'stored summaries: one statement resolves the token, matches the addresses and reads their accounts\' summaries; a '
  + 'summary is computed (and stored) on the request only when it is missing, was made stale by a write, or is past '
  + 'its valid_until (summariesComputed counts those of the api phase). Per scenario, each of its distinct requests is sent once (warm-up) while the SQL behind it is '
  + 'recorded; then a load generator in a worker thread keeps `concurrency` keep-alive connections busy for '
  + '`secondsPerPhase` (api), and afterwards the recorded SQL of each request is replayed straight to the database, '
  + 'statement after statement and under the same prepared-statement names, by `concurrency` concurrent loops over '
  + 'the same connection pool (raw; PostgreSQL pool size = concurrency). lookup-50-cold is what a lookup costs when '
  + 'no stored summary can be used: its requests share no account, every stored summary is made stale before the '
  + 'warm-up and before each pass over them (each request once per pass, passes repeated for secondsPerPhase, the '
  + 'marking itself untimed), so each request computes and stores all 40 of its accounts\' summaries; its raw side '
  + 'replays the SQL recorded in the warm-up (whose final store finds the rows\' generation moved on and writes '
  + 'nothing). apiToRawThroughput = api req/s over raw req/s.';
const log = (line: string) => process.stderr.write(`${line}\n`);

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: Server; origin: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ server: server as Server, origin: `http://127.0.0.1:${info.port}` });
    }) as Server;
  });
}

async function benchBackend(backend: BenchBackend, options: BenchOptions): Promise<BackendResult> {
  const data = new Dataset(datasetSize(options.scale));
  log(`${backend.name}: loading ${JSON.stringify(data.size)}`);
  const loaded = await loadDataset(backend.db, data, log);
  log(`${backend.name}: loaded ${loaded.rows.toLocaleString('en')} rows in ${loaded.seconds.toFixed(1)} s`);

  const summaryRefresh = await refreshAllSummaries(backend.db);
  log(`${backend.name}: computed ${summaryRefresh.accounts.toLocaleString('en')} account summaries in ${summaryRefresh.seconds.toFixed(1)} s`);

  const recorder = new RecordingDb(backend.db);
  // No rateLimits: the load is one token keeping `concurrency` requests in flight, just what the
  // limiter holds back; these figures are the server's own (`server/main.ts` turns it on).
  const { server, origin } = await listen(createApp({ db: recorder }).fetch);
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarios(data).filter((sc) => !options.scenarios || options.scenarios.includes(sc.name))) {
      if (scenario.cold) await markSummariesStale(backend.db);
      // Each distinct request once, one at a time: warms the caches and records its SQL.
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const recorded: Statement[][] = [];
      for (const r of scenario.requests) {
        recorder.recording = [];
        const status = await send(agent, new URL(origin), loaded.token, r);
        if (status !== 200) throw new Error(`${r.method} ${r.path} answered ${status} while warming up`);
        recorded.push(recorder.recording);
      }
      recorder.recording = null;
      agent.destroy();

      log(`${backend.name}: ${scenario.name} through the API for ${options.seconds} s`);
      const load = { origin, token: loaded.token, requests: scenario.requests, concurrency: options.concurrency, seconds: options.seconds };
      const phaseStart = new Date();
      const api = scenario.cold ? await coldPasses(backend.db, load) : { ...(await httpLoad(load)), computed: await computedSince(backend.db, phaseStart) };
      log(`${backend.name}: ${scenario.name} as raw SQL for ${options.seconds} s`);
      const raw = await rawLoad(backend.db, recorded, options.concurrency, options.seconds);
      for (const [what, r] of [['api', api], ['raw', raw]] as const) if (r.firstError) log(`  ${what} errors (${r.errors}), first: ${r.firstError}`);
      const apiResult = summarise(api.latenciesMs, api.errors, api.seconds);
      const rawResult = summarise(raw.latenciesMs, raw.errors, raw.seconds);
      results.push({
        name: scenario.name, description: scenario.description, api: apiResult, raw: rawResult,
        apiToRawThroughput: rawResult.perSecond > 0 ? Math.round((apiResult.perSecond / rawResult.perSecond) * 100) / 100 : 0,
        statementsPerRequest: Math.round((recorded.reduce((n, s) => n + s.length, 0) / recorded.length) * 10) / 10,
        summariesComputed: api.computed,
      });
    }
  } finally {
    server.close();
  }
  return {
    backend: backend.name, load: { rows: loaded.rows, seconds: loaded.seconds, rowsPerSecond: loaded.rows / loaded.seconds },
    summaryRefresh, scenarios: results,
  };
}

/** Computes every missing summary in the refresher's batches, as a server does when it starts. */
async function refreshAllSummaries(db: Db): Promise<{ accounts: number; seconds: number }> {
  const started = performance.now();
  let accounts = 0;
  for (;;) {
    const seen = await refreshDueSummaries(db, new Date(), 200);
    accounts += seen;
    if (seen < 200) break;
  }
  return { accounts, seconds: Math.round((performance.now() - started) / 10) / 100 };
}

/**
 * The cold lookups' api phase: passes over the requests (each sent once, `concurrency` at a
 * time) until the phase's time is used, every stored summary made stale before each pass. Only
 * the passes are timed.
 */
async function coldPasses(db: Db, input: HttpLoadInput): Promise<HttpLoadOutput & { computed: number }> {
  const out = { latenciesMs: [] as number[], errors: 0, firstError: null as string | null, seconds: 0, computed: 0 };
  while (out.seconds < input.seconds) {
    await markSummariesStale(db);
    const passStart = new Date();
    const pass = await httpLoad({ ...input, seconds: input.seconds - out.seconds, passes: 1 });
    out.latenciesMs.push(...pass.latenciesMs);
    out.errors += pass.errors;
    out.firstError ??= pass.firstError;
    out.seconds += pass.seconds;
    out.computed += await computedSince(db, passStart);
    if (pass.latenciesMs.length + pass.errors === 0) break;
  }
  return out;
}

/** Stored summaries computed since an instant (by the server's own clock, the same as this one). */
async function computedSince(db: Db, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from account_summaries where computed_at >= $1', [since]);
  return rows[0]?.n ?? 0;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const report: BenchReport = {
    startedAt: new Date().toISOString(), scale: options.scale, dataset: datasetSize(options.scale),
    concurrency: options.concurrency, secondsPerPhase: options.seconds,
    machine: {
      cpus: availableParallelism(), node: process.version, platform: `${process.platform}-${process.arch}`,
      loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    },
    method: METHOD,
    results: [],
  };
  let open: BenchBackend | null = null;
  let closing: Promise<void> = Promise.resolve();
  // Whoever asks first starts closing; later callers (a signal, the error path) wait for the same close.
  const cleanup = (): Promise<void> => {
    const b = open;
    open = null;
    if (b) closing = b.close().catch((e: unknown) => {
      log(`cleanup failed: ${String(e)}`);
    });
    return closing;
  };
  // Bounded whatever happens: generous for the default scale, then everything is torn down.
  const limitMs = (10 + 20 * options.scale + (options.seconds * 8 * options.backends.length) / 60) * 60_000;
  const watchdog = setTimeout(() => {
    log(`the benchmark exceeded ${Math.round(limitMs / 60_000)} minutes; stopping`);
    void cleanup().finally(() => process.exit(1));
  }, limitMs);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

  try {
    for (const name of options.backends) {
      open = await openBackend(name, options.databaseUrl, options.concurrency);
      report.results.push(await benchBackend(open, options));
      await cleanup();
    }
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }
  const out = options.out ?? DEFAULT_OUT;
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${formatTable(report)}\nwritten to ${out}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
