import type { Db } from './db';

/**
 * Marks what is cached about these accounts as stale (fetchedAt 0) rather than deleting it:
 * pages still get an instant answer and the next read refreshes it.
 */
export async function invalidateAccounts(db: Db, accountIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return;
  const tx = db.transaction(['accounts', 'timelines', 'commitments', 'lookups'], 'readwrite');
  const work: Promise<unknown>[] = [];
  const accounts = tx.objectStore('accounts');
  const timelines = tx.objectStore('timelines');
  const commitments = tx.objectStore('commitments');
  const lookups = tx.objectStore('lookups');
  for (const id of ids) {
    work.push(
      accounts.get(id).then((e) => e && accounts.put({ ...e, fetchedAt: 0 })),
      timelines.index('by-account').getAll(id).then((es) => Promise.all(es.map((e) => timelines.put({ ...e, fetchedAt: 0 })))),
      commitments.index('by-account').getAll(id).then((es) => Promise.all(es.map((e) => commitments.put({ ...e, fetchedAt: 0 })))),
      lookups.index('by-account').getAll(id).then((es) => Promise.all(es.map((e) => lookups.put({ ...e, fetchedAt: 0 })))),
    );
  }
  await Promise.all(work);
  await tx.done;
  await invalidateAttention(db);
}

/** Any account's change can move it in or out of the attention lists, whose owner filter the feed does not say. */
export async function invalidateAttention(db: Db): Promise<void> {
  const tx = db.transaction('attention', 'readwrite');
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) await cursor.update({ ...cursor.value, fetchedAt: 0 });
  await tx.done;
}

/** New contacts or accounts can turn an address that was unknown into a match. */
export async function invalidateUnknownLookups(db: Db): Promise<void> {
  const tx = db.transaction('lookups', 'readwrite');
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.accountId === undefined) await cursor.update({ ...cursor.value, fetchedAt: 0 });
  }
  await tx.done;
}

/** Marks everything cached as stale: every account known to the cache, its lookups, unknown addresses, attention. */
export async function invalidateEverything(db: Db): Promise<void> {
  const ids = new Set<string>(await db.getAllKeys('accounts'));
  for (const lookup of await db.getAll('lookups')) if (lookup.accountId !== undefined) ids.add(lookup.accountId);
  await invalidateAccounts(db, ids);
  await invalidateUnknownLookups(db);
  await invalidateAttention(db);
}

/** Everything cached came from one CRM connection; a new URL or token makes it someone else's. */
export async function clearCache(db: Db): Promise<void> {
  const tx = db.transaction(['accounts', 'timelines', 'commitments', 'lookups', 'status', 'attention'], 'readwrite');
  await Promise.all([
    tx.objectStore('attention').clear(),
    tx.objectStore('accounts').clear(),
    tx.objectStore('timelines').clear(),
    tx.objectStore('commitments').clear(),
    tx.objectStore('lookups').clear(),
    tx.objectStore('status').clear(),
  ]);
  await tx.done;
}
