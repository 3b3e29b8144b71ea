import { serve } from '@hono/node-server';
import { mkdir, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import { type BenchBackend, openBackend } from './backends';
import { Dataset } from './dataset';
import { httpLoad } from './http-load';
import { send } from './http-request';
import { loadDataset } from './load-data';
import { type BenchOptions, datasetSize, parseOptions } from './options';
import { rawLoad } from './raw-load';
import { RecordingDb, type Statement } from './recording-db';
import { type BackendResult, type BenchReport, formatTable, type ScenarioResult } from './report';
import { scenarios } from './scenarios';
import { summarise } from './stats';

const DEFAULT_OUT = fileURLToPath(new URL('../../bench/server-results.json', import.meta.url));
const METHOD = 'Each backend: the dataset is loaded, then the real HTTP server (createApp on @hono/node-server, '
  + 'loopback, a free port) serves it. Per scenario, each of its distinct requests is sent once (warm-up) while the SQL '
  + 'behind it is recorded; then a load generator in a worker thread keeps `concurrency` keep-alive connections busy '
  + 'for `secondsPerPhase` (api), and afterwards the recorded SQL of each request is replayed straight to the database, '
  + 'statement after statement, by `concurrency` concurrent loops over the same connection pool (raw; PostgreSQL pool '
  + 'size = concurrency). apiToRawThroughput = api req/s over raw req/s.';
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

  const recorder = new RecordingDb(backend.db);
  const { server, origin } = await listen(createApp({ db: recorder }).fetch);
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarios(data)) {
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
      const api = await httpLoad({ origin, token: loaded.token, requests: scenario.requests, concurrency: options.concurrency, seconds: options.seconds });
      log(`${backend.name}: ${scenario.name} as raw SQL for ${options.seconds} s`);
      const raw = await rawLoad(backend.db, recorded, options.concurrency, options.seconds);
      for (const [what, r] of [['api', api], ['raw', raw]] as const) if (r.firstError) log(`  ${what} errors (${r.errors}), first: ${r.firstError}`);
      const apiResult = summarise(api.latenciesMs, api.errors, api.seconds);
      const rawResult = summarise(raw.latenciesMs, raw.errors, raw.seconds);
      results.push({
        name: scenario.name, description: scenario.description, api: apiResult, raw: rawResult,
        apiToRawThroughput: rawResult.perSecond > 0 ? Math.round((apiResult.perSecond / rawResult.perSecond) * 100) / 100 : 0,
        statementsPerRequest: Math.round((recorded.reduce((n, s) => n + s.length, 0) / recorded.length) * 10) / 10,
      });
    }
  } finally {
    server.close();
  }
  return { backend: backend.name, load: { rows: loaded.rows, seconds: loaded.seconds, rowsPerSecond: loaded.rows / loaded.seconds }, scenarios: results };
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
  const limitMs = (10 + 15 * options.scale + (options.seconds * 4 * options.backends.length) / 60) * 60_000;
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
