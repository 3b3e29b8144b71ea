import type { Queryable } from '../db';

/** One column of a bulk insert: its SQL element type, and a cast applied after unnesting. */
export interface BulkColumn {
  name: string;
  /** The type each value is sent as, e.g. `uuid`, `text`, `timestamptz`, `numeric`. */
  type: string;
  /** For values that can't travel as a flat array element (`uuid[]`, `jsonb`): sent as text, then cast. */
  cast?: string;
}

/** Rows per statement: large enough to amortise the round trip, small enough to bound memory. */
export const BULK_CHUNK = 5_000;

/**
 * Inserts many rows with one `insert … select from unnest($1::t[], $2::t[], …)` per chunk: a
 * handful of statements whatever the row count, the same SQL on PGlite and PostgreSQL, and no
 * limit on parameter count. Names come from code, never from input.
 */
export async function bulkInsert(
  q: Queryable,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  chunk = BULK_CHUNK,
): Promise<void> {
  if (rows.length === 0) return;
  const sql = bulkInsertSql(table, columns);
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const params = columns.map((_, c) => part.map((row) => row[c] ?? null));
    await q.query(sql, params);
  }
}

export function bulkInsertSql(table: string, columns: readonly BulkColumn[]): string {
  const names = columns.map((c) => c.name).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.cast ? 'text' : c.type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const selected = columns.map((c, i) => (c.cast ? `c${i}::${c.cast}` : `c${i}`)).join(', ');
  return `insert into ${table} (${names}) select ${selected} from unnest(${arrays}) as u(${aliases})`;
}

/** A uuid list as a PostgreSQL array literal, for a `uuid[]` column sent through `bulkInsert`. */
export function uuidArrayLiteral(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}
