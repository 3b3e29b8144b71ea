import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../../db';

/** A database for one test file, and how to throw it away. */
export interface TestDatabase {
  db: Db;
  /** The PostgreSQL URL of this file's own database (absent for PGlite). */
  url?: string;
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database that nothing else uses. */
  create(): Promise<TestDatabase>;
}

const pglite: Backend = {
  name: 'pglite',
  async create() {
    const db = await openDb();
    return { db, dispose: () => db.close() };
  },
};

/** Each call makes its own database on the server TEST_DATABASE_URL points at, dropped after. */
function postgres(baseUrl: string): Backend {
  return {
    name: 'postgres',
    async create() {
      const name = `crm_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      const db = await openDb({ url: url.toString(), poolSize: 10 });
      return {
        db,
        url: url.toString(),
        async dispose() {
          await db.close();
          const drop = new pg.Client({ connectionString: baseUrl });
          await drop.connect();
          try {
            await drop.query(`drop database if exists ${name} with (force)`);
          } finally {
            await drop.end();
          }
        },
      };
    },
  };
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. Use with `describe.each`. */
export function availableBackends(env: NodeJS.ProcessEnv = process.env): Backend[] {
  const url = env.TEST_DATABASE_URL;
  return url ? [pglite, postgres(url)] : [pglite];
}
