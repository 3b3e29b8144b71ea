import type { Write } from '../messaging/write';
import type { OutboxStatus, OutboxSummary } from '../messaging/protocol';
import type { Db } from './db';
import { groupOf, type OutboxItem } from './outbox-item';

/** Fills the client-made record id where the contract allows one, so later writes can refer to it. */
function withClientId(write: Write, newId: () => string): { write: Write; id: string | null } {
  switch (write.type) {
    case 'interaction':
    case 'commitment':
    case 'contact': {
      const id = write.body.id ?? newId();
      return { write: { ...write, body: { ...write.body, id } } as Write, id };
    }
    case 'commitment-patch':
      return { write, id: write.commitmentId };
  }
}

/** Commits a checked write to IndexedDB before anything is sent: from here on it can't be lost. */
export async function enqueue(
  db: Db,
  write: Write,
  opts: { now: number; newId?: () => string },
): Promise<{ key: string; id: string | null }> {
  const newId = opts.newId ?? (() => crypto.randomUUID());
  const key = `w-${newId()}`;
  const filled = withClientId(write, newId);
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
  return { key, id: filled.id };
}

/** All items, oldest first. */
export function allItems(db: Db): Promise<OutboxItem[]> {
  return db.getAll('outbox');
}

/** A worker stopped mid-send leaves items "sending"; the idempotency key makes resending safe. */
export async function recoverInterrupted(db: Db): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  let recovered = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.state === 'sending') {
      await cursor.update({ ...cursor.value, state: 'pending' });
      recovered++;
    }
  }
  await tx.done;
  return recovered;
}

async function changeFailed(db: Db, key: string, change: (item: OutboxItem) => OutboxItem | null): Promise<boolean> {
  const tx = db.transaction('outbox', 'readwrite');
  const seq = await tx.store.index('by-key').getKey(key);
  const item = seq === undefined ? undefined : await tx.store.get(seq);
  if (seq === undefined || !item || item.state !== 'failed') {
    await tx.done;
    return false;
  }
  const next = change(item);
  await (next ? tx.store.put(next) : tx.store.delete(seq));
  await tx.done;
  return true;
}

/** Puts a failed write back in line to be sent now. Only failed items can be retried. */
export function retryFailed(db: Db, key: string, now: number): Promise<boolean> {
  return changeFailed(db, key, (item) => ({ ...item, state: 'pending', attempts: 0, nextAttemptAt: now, lastProblem: null }));
}

/** Drops a failed write. Pending ones can't be discarded: they may already be on their way. */
export function discardFailed(db: Db, key: string): Promise<boolean> {
  return changeFailed(db, key, () => null);
}

function excerptOf(write: Write): string {
  const text = write.type === 'interaction' ? write.body.summary
    : write.type === 'commitment' ? write.body.text
    : write.type === 'contact' ? write.body.name
    : (write.body.text ?? write.body.status ?? '');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export function summarise(items: readonly OutboxItem[]): OutboxStatus {
  const summaries: OutboxSummary[] = items.map((item) => ({
    key: item.key,
    type: item.write.type,
    state: item.state,
    attempts: item.attempts,
    createdAt: item.createdAt,
    nextAttemptAt: item.nextAttemptAt,
    problem: item.lastProblem,
    excerpt: excerptOf(item.write),
    ...(item.conflict ? { conflict: item.conflict } : {}),
  }));
  const failed = items.filter((i) => i.state === 'failed').length;
  return { pending: items.length - failed, failed, items: summaries };
}
