import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Db } from './types';

export type { Db, DbKind, Queryable, QueryResult } from './types';
export { migrate, loadMigrations } from './migrate';

export interface OpenDbOptions {
  /** PostgreSQL connection string; when set, PostgreSQL is used. */
  url?: string;
  /** PGlite data folder; when neither this nor `url` is set, PGlite runs in memory. */
  dataDir?: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

/** Opens the database the options name and brings its schema up to date. */
export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  const db = options.url
    ? await openPostgres(options.url, options.poolSize === undefined ? {} : { max: options.poolSize })
    : await openPglite(options.dataDir);
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  return db;
}
