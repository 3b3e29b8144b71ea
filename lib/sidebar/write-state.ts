import type { Problem } from '../messaging/problem';
import type { OutboxStatus } from '../messaging/protocol';

export type WriteState = { state: 'pending' } | { state: 'saved' } | { state: 'failed'; problem: Problem | null };

/**
 * Where a queued write is: still in the outbox (waiting or being sent), refused by the CRM
 * (failed, with the server's reason), or gone from the outbox because the CRM confirmed it.
 * Unknown until the outbox has been read once.
 */
export function writeState(key: string, outbox: OutboxStatus | undefined): WriteState | null {
  if (!outbox) return null;
  const item = outbox.items.find((i) => i.key === key);
  if (!item) return { state: 'saved' };
  return item.state === 'failed' ? { state: 'failed', problem: item.problem } : { state: 'pending' };
}
