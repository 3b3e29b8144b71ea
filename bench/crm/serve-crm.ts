import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { importBundle } from '../../server/bundle';
import { openDb } from '../../server/db';
import { startSummaryRefresher } from '../../server/runtime/summary-refresher';
import { ensureTeam } from '../../server/store/users';
import { DEMO_TEAM, seedDemoIfEmpty } from '../../server/seed/index';
import { benchBundle } from '../data/clients';

/**
 * The project's CRM server as `npm run server` runs it (Hono on Node, PGlite in a fresh data
 * folder, the demo team seeded, the summary refresher) plus the benchmark's generated clients imported into the demo
 * team. It counts the requests it answers by method and path (`GET /bench/counts`) and sums the
 * time its handlers took per route (`GET /bench/busy`: ms, and `<route> #` for the count).
 * Prints the same `Demo token:` and `CRM API listening on` lines as the real server.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
const db = await openDb({ dataDir });
const seeded = await seedDemoIfEmpty(db);
if (!seeded) throw new Error('a fresh database was not seeded');
const team = await ensureTeam(db, DEMO_TEAM);
const summary = await importBundle(db, team.id, benchBundle());
console.log(`Imported: ${JSON.stringify(summary)}`);
// As the real server does: the refresher computes the account summaries at start (and hourly),
// so lookups read them stored. Its first pass ends before the CRM says it is listening.
const refresher = startSummaryRefresher(db);
console.log(`Account summaries computed: ${await refresher.runNow()}`);
console.log(`Demo token: ${seeded.token}`);

const app = createApp({ db });
const counts = new Map<string, number>();
const busyMs = new Map<string, number>();
let inFlight = 0;
let lastDone = performance.now();

/** Resolves once no request has been in flight for `quietMs` (or after `limitMs` regardless). */
async function quiet(quietMs: number, limitMs: number): Promise<{ waitedMs: number; quiet: boolean }> {
  const start = performance.now();
  while (performance.now() - start < limitMs) {
    if (inFlight === 0 && performance.now() - lastDone >= quietMs) return { waitedMs: performance.now() - start, quiet: true };
    await new Promise((done) => setTimeout(done, 5));
  }
  return { waitedMs: performance.now() - start, quiet: false };
}
// Account ids vary; `/v1/accounts/:id/…` is timed as one route.
const route = (method: string, path: string) => `${method} ${path.replace(/\/v1\/accounts\/[^/]+/, '/v1/accounts/:id')}`;
const server = serve({
  hostname: '127.0.0.1',
  port: 0,
  fetch: async (request: Request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/bench/counts') return Response.json(Object.fromEntries(counts));
    if (pathname === '/bench/busy') return Response.json(Object.fromEntries(busyMs));
    if (pathname === '/bench/quiet') return Response.json(await quiet(100, 5000));
    counts.set(`${request.method} ${pathname}`, (counts.get(`${request.method} ${pathname}`) ?? 0) + 1);
    const started = performance.now();
    inFlight++;
    const response = await Promise.resolve(app.fetch(request)).finally(() => {
      inFlight--;
      lastDone = performance.now();
    });
    const key = route(request.method, pathname);
    busyMs.set(key, (busyMs.get(key) ?? 0) + performance.now() - started);
    busyMs.set(`${key} #`, (busyMs.get(`${key} #`) ?? 0) + 1);
    return response;
  },
}, (info: AddressInfo) => console.log(`CRM API listening on http://127.0.0.1:${info.port}`));

const stop = async () => {
  await Promise.all([new Promise<void>((done) => server.close(() => done())), refresher.stop()]);
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
