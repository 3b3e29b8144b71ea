/** What both storage back-ends offer: plain SQL with `$1` parameters, the same SQL for both. */
export interface Queryable {
  /**
   * One statement with `$1…` parameters; returns its rows. Hot statements may pass a stable
   * `name`: PostgreSQL then plans them once per connection instead of on every call (planning
   * costs as much as running the lookup's small queries). Never name SQL built at run time.
   */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], name?: string): Promise<QueryResult<T>>;
  /** Several statements without parameters (migrations, bulk scripts). */
  exec(sql: string): Promise<void>;
}

export interface QueryResult<T> {
  rows: T[];
  /** Rows inserted, updated or deleted (or returned, for a SELECT). */
  rowCount: number;
}

export type DbKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Runs `fn` in one transaction (READ COMMITTED), committing when it resolves and rolling back
   * when it throws. Queries inside must go through `tx`, never through the Db itself.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Value parsing shared by both back-ends, so rows look the same whichever runs:
 * bigint and numeric become numbers (counts and amounts stay far below 2^53),
 * a `date` stays the text `YYYY-MM-DD` (a Date would shift it by the local time zone),
 * timestamps become Date objects (both drivers' default).
 */
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082 } as const;

export function parseNumber(value: string): number {
  return Number(value);
}
