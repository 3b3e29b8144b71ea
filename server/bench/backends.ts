import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Db, openDb } from '../db';
import { startCluster } from './pg-cluster';

export interface BenchBackend {
  name: 'postgres' | 'pglite';
  db: Db;
  /** Closes the database and removes everything the run created. */
  close(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * PGlite in a temporary data folder (as the server runs it), or PostgreSQL: a throwaway cluster,
 * or, with DATABASE_URL, a fresh database on that server, dropped afterwards.
 */
export async function openBackend(name: BenchBackend['name'], databaseUrl: string | undefined, poolSize: number): Promise<BenchBackend> {
  if (name === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'crm-bench-pglite-'));
    const db = await openDb({ dataDir: dir }).catch(async (e: unknown) => {
      await rm(dir, { recursive: true, force: true });
      throw e;
    });
    return { name, db, close: async () => { await db.close(); await rm(dir, { recursive: true, force: true }); } };
  }
  if (databaseUrl) {
    const database = `crm_bench_${randomBytes(5).toString('hex')}`;
    await adminQuery(databaseUrl, `create database ${database}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${database}`;
    const drop = () => adminQuery(databaseUrl, `drop database if exists ${database} with (force)`);
    const db = await openDb({ url: url.toString(), poolSize }).catch(async (e: unknown) => { await drop(); throw e; });
    return { name, db, close: async () => { await db.close(); await drop(); } };
  }
  const cluster = await startCluster();
  const db = await openDb({ url: cluster.url, poolSize }).catch(async (e: unknown) => { await cluster.stop(); throw e; });
  return { name, db, close: async () => { await db.close(); await cluster.stop(); } };
}
