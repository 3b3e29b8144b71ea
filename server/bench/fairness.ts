import { serve } from '@hono/node-server';
import type { AddressInfo, Server } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { createApp } from '../app';
import { openDb, type Db } from '../db';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../http/rate-limit';
import { seedDemoIfEmpty } from '../seed/index';
import { createToken, createUser } from '../store/users';
import { httpLoad } from './http-load';
import type { BenchRequest } from './http-request';
import { percentile } from './stats';

const USAGE = 'usage: npm exec -- tsx server/bench/fairness.ts [--seconds 5] [--concurrency 64] [--pause 100] [--runs 1]';

/**
 * How long one client waits while another bursts, against the real HTTP server on the embedded
 * database (which runs one statement at a time). Client A keeps `concurrency` lookups of 50
 * addresses in flight; client B, another user's token, asks GET /v1/me one request after another
 * throughout, pausing `--pause` ms after each answer as a person's extension would (well within
 * its own rate limit). Both load generators run in worker threads, the server in this one. Printed: B's
 * latencies, and what became of A's requests, for the server without limits, with the limiter's
 * in-flight cap alone (no 429 for A unless its own queue overflows), and with the defaults that
 * `npm run server` uses.
 */
const CONFIGS: { name: string; limits: RateLimits | undefined }[] = [
  { name: 'no limits', limits: undefined },
  { name: 'in-flight cap only', limits: { ...DEFAULT_RATE_LIMITS, token: null, address: null } },
  { name: 'defaults', limits: DEFAULT_RATE_LIMITS },
];

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number\n${USAGE}`);
  return value;
}

function listen(db: Db, limits: RateLimits | undefined): Promise<{ server: Server; origin: string }> {
  const app = createApp({ db, ...(limits ? { rateLimits: limits } : {}) });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ server: server as Server, origin: `http://127.0.0.1:${info.port}` });
    }) as Server;
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seconds = option(args, 'seconds', 5);
  const concurrency = option(args, 'concurrency', 64);
  const runs = option(args, 'runs', 1);
  const pauseMs = option(args, 'pause', 100);

  const db = await openDb();
  const seeded = await seedDemoIfEmpty(db);
  if (!seeded) throw new Error('the demo team was not seeded');
  const { rows: team } = await db.query<{ team_id: string }>('select team_id from users limit 1');
  const userB = await createUser(db, { teamId: team[0]!.team_id, email: 'b.client@fairness.example', name: 'Client B' });
  const tokenB = await createToken(db, userB);
  const { rows } = await db.query<{ email: string }>('select email from contact_emails order by email limit 40');
  const emails = [...rows.map((r) => r.email), ...Array.from({ length: 10 }, (_, i) => `stranger${i}@unknown-${i}.example`)];
  const lookups: BenchRequest[] = [{ method: 'POST', path: '/v1/lookup', body: JSON.stringify({ emails }) }];
  const me: BenchRequest[] = [{ method: 'GET', path: '/v1/me' }];

  process.stderr.write(`fairness: ${seconds} s per phase, A at concurrency ${concurrency}, B pausing ${pauseMs} ms, ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(2)}\n`);
  console.log('| configuration | B alone p50 / p99 ms | B during A\'s burst p50 / p99 / max ms | B answered | A answered (req/s) | A refused |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (let run = 0; run < runs; run++) {
    for (const config of CONFIGS) {
      const { server, origin } = await listen(db, config.limits);
      try {
        // Each token once, so both are known to work before anything is measured.
        const alone = await httpLoad({ origin, token: tokenB, requests: me, concurrency: 1, seconds: 1, pauseMs });
        await httpLoad({ origin, token: seeded.token, requests: lookups, concurrency: 1, seconds: 0.2 });
        const [a, b] = await Promise.all([
          httpLoad({ origin, token: seeded.token, requests: lookups, concurrency, seconds }),
          httpLoad({ origin, token: tokenB, requests: me, concurrency: 1, seconds, pauseMs }),
        ]);
        const sortedAlone = [...alone.latenciesMs].sort((x, y) => x - y);
        const sorted = [...b.latenciesMs].sort((x, y) => x - y);
        const ms = (n: number) => n.toFixed(1);
        console.log(
          `| ${config.name} | ${ms(percentile(sortedAlone, 50))} / ${ms(percentile(sortedAlone, 99))} `
          + `| ${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 99))} / ${ms(sorted.at(-1) ?? 0)} `
          + `| ${b.latenciesMs.length}${b.errors > 0 ? ` (+${b.errors} refused: ${b.firstError})` : ''} `
          + `| ${a.latenciesMs.length} (${(a.latenciesMs.length / a.seconds).toFixed(0)}) | ${a.errors} |`,
        );
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    }
  }
  await db.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
