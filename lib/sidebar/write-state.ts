import type { Problem } from '../messaging/problem';
import type { OutboxStatus } from '../messaging/protocol';

export type WriteState = { state: 'pending' } | { state: 'saved' } | { state: 'discarded' } | { state: 'failed'; problem: Problem | null };

/**
 * Where a queued write is: still in the outbox (waiting or being sent), refused by the CRM
 * (failed, with the server's reason), discarded by the user after it was refused, or gone from
 * the outbox because the CRM confirmed it. Unknown until the outbox has been read once.
 */
export function writeState(key: string, outbox: OutboxStatus | undefined): WriteState | null {
  if (!outbox) return null;
  const item = outbox.items.find((i) => i.key === key);
  if (!item) return outbox.discarded?.includes(key) ? { state: 'discarded' } : { state: 'saved' };
  return item.state === 'failed' ? { state: 'failed', problem: item.problem } : { state: 'pending' };
}
