import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { readConfig } from './config';
import { openDb, type Db } from './db';
import { pgliteDir } from './runtime/config';
import { lockDataDir } from './runtime/data-dir-lock';
import { startSummaryRefresher } from './runtime/summary-refresher';
import { seedDemoIfEmpty } from './seed/index';
import { purgeIdempotencyKeys } from './store/idempotency';

const PURGE_EVERY_MS = 6 * 3_600_000;
const HOST = '127.0.0.1';

async function start(): Promise<void> {
  const config = readConfig(process.env);
  let release = async () => {};
  let db: Db;
  if (config.databaseUrl) {
    db = await openDb({ url: config.databaseUrl, ...(config.poolSize === undefined ? {} : { poolSize: config.poolSize }) });
  } else {
    release = await lockDataDir(config.dataDir);
    try {
      db = await openDb({ dataDir: pgliteDir(config.dataDir) });
    } catch (err) {
      await release();
      throw err;
    }
    // Only the embedded database gets the demo team: a shared PostgreSQL is set up on purpose.
    const seeded = await seedDemoIfEmpty(db);
    if (seeded) console.log(`Demo token: ${seeded.token}`);
  }

  const purge = () =>
    purgeIdempotencyKeys(db, new Date()).catch((err: unknown) => console.error('purging idempotency keys failed:', err));
  await purge();
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref();

  // Computes the stored account summaries that are missing or out of date, at start and hourly.
  const refresher = startSummaryRefresher(db);

  // Rate limits are always on here (readConfig's defaults unless the environment says otherwise).
  const app = createApp({ db, ...config.http });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: HOST }, (info: AddressInfo) => {
    console.log(`CRM API listening on http://${HOST}:${info.port}`);
  });
  server.on('error', async (err) => {
    console.error(`could not listen on ${HOST}:${config.port}: ${err.message}`);
    await refresher.stop();
    await db.close().catch(() => undefined);
    await release();
    process.exit(1);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping`);
    clearInterval(timer);
    await Promise.all([new Promise<void>((done) => server.close(() => done())), refresher.stop()]);
    await db.close();
    await release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

start().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
