import type { Db } from '../../db';

/** Wraps a Db so a test can count the statements a request costs. */
export function countingDb(db: Db): { db: Db; count: () => number; reset: () => void } {
  let n = 0;
  const wrapped: Db = {
    kind: db.kind,
    query: (sql, params, name) => {
      n++;
      return db.query(sql, params, name);
    },
    exec: (sql) => {
      n++;
      return db.exec(sql);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: (sql, params, name) => {
            n++;
            return tx.query(sql, params, name);
          },
          exec: (sql) => {
            n++;
            return tx.exec(sql);
          },
        }),
      ),
    close: () => db.close(),
  };
  return { db: wrapped, count: () => n, reset: () => void (n = 0) };
}
