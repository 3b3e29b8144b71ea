import pg from 'pg';
import { parseNumber, TYPE_OIDS } from './types';
import type { Db, Queryable, QueryResult } from './types';

const customParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OIDS.int8]: parseNumber,
  [TYPE_OIDS.numeric]: parseNumber,
  [TYPE_OIDS.date]: (value) => value,
};

// Per-pool type parsers, so the process-wide defaults of `pg` stay untouched.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const custom = customParsers[oid];
    if (custom && format !== 'binary') return custom;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as unknown as pg.CustomTypesConfig;

interface PgLike {
  query(config: { text: string; values?: unknown[]; name?: string }): Promise<{ rows: unknown[]; rowCount: number | null }>;
  query(text: string): Promise<unknown>;
}

function wrap(target: PgLike): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = [], name?: string): Promise<QueryResult<T>> {
      const res = await target.query({ text: sql, values: [...params], ...(name === undefined ? {} : { name }) });
      return { rows: res.rows as T[], rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(sql: string): Promise<void> {
      // Without parameters `pg` uses the simple protocol, which accepts several statements.
      await target.query(sql);
    },
  };
}

export interface PostgresOptions {
  /** Pool size; the default suits one API instance. */
  max?: number;
}

/** PostgreSQL through a `pg` Pool. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, types, max: options.max ?? 20 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that
  // would crash the process. The next query simply gets a fresh client.
  pool.on('error', (err) => console.error('database connection error:', err.message));
  const base = wrap(pool);
  await base.query('select 1');
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      // A connection that failed to roll back is discarded rather than returned to the pool.
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch((e: unknown) => {
          broken = e instanceof Error ? e : new Error(String(e));
        });
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
