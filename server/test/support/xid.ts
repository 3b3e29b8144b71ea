import type { Db } from '../../db';

/**
 * Spends transaction ids until the next one is `before` below a power of ten, so the writes that
 * follow straddle an id that gains a digit (where a text order and a numeric one part ways).
 * Returns false when the boundary is too far to walk to in a test's time.
 */
export async function nearDigitBoundary(db: Db, before: number, maxWalk = 50_000): Promise<boolean> {
  const current = async () =>
    BigInt((await db.query<{ x: string }>('select pg_current_xact_id()::text as x')).rows[0]?.x ?? '0');
  let xid = await current();
  const target = 10n ** BigInt(xid.toString().length) - BigInt(before);
  if (target - xid > BigInt(maxWalk)) return false;
  // Each subtransaction that writes takes an id of its own from the same counter: one statement
  // spends thousands, where one query per id would take seconds.
  while (target - xid > 10n) {
    const n = Math.min(Number(target - xid - 5n), 1_000_000);
    await db.transaction(async (tx) => {
      await tx.exec('create temporary table xid_walk (x int) on commit drop');
      await tx.exec(`do $$ begin
        for i in 1..${n} loop
          begin insert into xid_walk values (i); exception when others then null; end;
        end loop; end $$`);
    });
    xid = await current();
  }
  while (xid < target) xid = await current();
  return true;
}
