import type { Db, DbKind, Queryable, QueryResult } from '../db';

/** One statement as the API sent it, with the name it was prepared under, if any. */
export interface Statement {
  sql: string;
  params: readonly unknown[];
  name?: string;
}

/**
 * Passes everything through to the real database and, while `recording` is set, notes each
 * statement. The benchmark records the SQL behind each API request, then sends exactly that SQL
 * straight to the database to see what the HTTP layer costs.
 */
export class RecordingDb implements Db {
  recording: Statement[] | null = null;
  readonly kind: DbKind;

  constructor(private readonly inner: Db) {
    this.kind = inner.kind;
  }

  private wrap(target: Queryable): Queryable {
    return {
      query: <T>(sql: string, params: readonly unknown[] = [], name?: string): Promise<QueryResult<T>> => {
        this.recording?.push({ sql, params, ...(name === undefined ? {} : { name }) });
        return target.query<T>(sql, params, name);
      },
      exec: (sql: string) => {
        this.recording?.push({ sql, params: [] });
        return target.exec(sql);
      },
    };
  }

  query<T>(sql: string, params?: readonly unknown[], name?: string): Promise<QueryResult<T>> {
    return this.wrap(this.inner).query<T>(sql, params, name);
  }

  exec(sql: string): Promise<void> {
    return this.wrap(this.inner).exec(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.inner.transaction((tx) => fn(this.wrap(tx)));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
