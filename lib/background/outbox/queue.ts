import type { Write } from '../../messaging/write';
import { serverWaitUntil } from './backoff';
import type { Db } from '../db';
import { groupOf, type OutboxItem } from './item';
import { accountOf, recordOf } from './refs';
import { emit, WORKER_INSTANCE } from './signals';

/** Fills the client-made record id where the contract allows one, so later writes can refer to it. */
function withClientId(write: Write, newId: () => string): { write: Write; id: string | null } {
  switch (write.type) {
    case 'interaction':
    case 'commitment':
    case 'contact': {
      const id = write.body.id ?? newId();
      return { write: { ...write, body: { ...write.body, id } } as Write, id };
    }
    default:
      return { write, id: recordOf(write) };
  }
}

export const newKey = (newId: () => string = () => crypto.randomUUID()) => `w-${newId()}`;

/** Commits a checked write to IndexedDB before anything is sent: from here on it can't be lost. */
export async function enqueue(
  db: Db,
  write: Write,
  opts: { now: number; newId?: () => string },
): Promise<{ key: string; id: string | null }> {
  const key = newKey(opts.newId);
  const filled = withClientId(write, opts.newId ?? (() => crypto.randomUUID()));
  const item: OutboxItem = {
    key,
    group: groupOf(filled.write, key),
    write: filled.write,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: opts.now,
    createdAt: opts.now,
    lastProblem: null,
  };
  await db.add('outbox', item);
  changed(db, item);
  return { key, id: filled.id };
}

/** All items, oldest first. */
export function allItems(db: Db): Promise<OutboxItem[]> {
  return db.getAll('outbox');
}

/** Tells the worker's listeners (and through them the open pages) that an item changed. */
export function changed(db: Db, item: OutboxItem): void {
  const account = accountOf(item.write);
  emit(db, { type: 'changed', accountIds: account === null ? [] : [account] });
}

/**
 * Puts writes left "sending" back in line; the idempotency key makes resending them safe.
 * With `all` false (worker start-up) only those of stopped worker instances: a send this
 * instance has under way is left alone. The drain passes `all` while it holds the drain lock.
 */
export async function recoverInterrupted(db: Db, all = false): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  let recovered = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    const item = cursor.value;
    if (item.state === 'sending' && (all || item.sendingBy !== WORKER_INSTANCE)) {
      const { sendingBy: _, ...rest } = item;
      await cursor.update({ ...rest, state: 'pending' });
      recovered++;
    }
  }
  await tx.done;
  return recovered;
}

/** Read-modify-write of one item by key in one transaction; `change` answers null to delete. */
export async function changeItem(
  db: Db,
  key: string,
  change: (item: OutboxItem) => OutboxItem | null | undefined,
): Promise<OutboxItem | null | undefined> {
  const tx = db.transaction('outbox', 'readwrite');
  const seq = await tx.store.index('by-key').getKey(key);
  const item = seq === undefined ? undefined : await tx.store.get(seq);
  const next = item && change(item);
  if (seq !== undefined && next !== undefined) await (next ? tx.store.put(next) : tx.store.delete(seq));
  await tx.done;
  if (item && next !== undefined) changed(db, item);
  return next;
}

/**
 * Sends a write now: a failed one goes back in line (with the same key: a refused write left it
 * unused), a pending one waiting out its backoff becomes due, though not before the time the CRM
 * said to come back (asking sooner would only be turned away again). One being sent is left alone.
 */
export async function retryFailed(db: Db, key: string, now: number): Promise<boolean> {
  const next = await changeItem(db, key, (item) => {
    if (item.state === 'failed') {
      const { conflict: _, ...rest } = item;
      return { ...rest, state: 'pending', attempts: 0, nextAttemptAt: now, lastProblem: null };
    }
    const due = Math.max(now, serverWaitUntil(item.lastProblem) ?? 0);
    if (item.state === 'pending' && item.nextAttemptAt > due) return { ...item, nextAttemptAt: due };
    return undefined;
  });
  return next !== undefined;
}

/** Drops a failed write. Pending ones can't be discarded: they may already be on their way. */
export async function discardFailed(db: Db, key: string): Promise<boolean> {
  return (await changeItem(db, key, (item) => (item.state === 'failed' ? null : undefined))) === null;
}
