import { useCallback, useEffect, useReducer } from 'preact/hooks';
import type { WriteInput } from '../messaging/write';
import { writeState, type WriteState } from './write-state';
import { ask } from '../ui/ask';
import { useOutbox } from './queries';

export interface QueuedWrite {
  key: string;
  /** The record id the write creates or changes (client-made), for matching it in later lists. */
  id: string | null;
  /** What the user wrote, to recognise it in the list. */
  label: string;
  /** Which part of the page made it, so each part lists its own. */
  group: string;
  /** The thread and person it was written for: a view lists only those of the one it shows. */
  scope: string;
  queuedAt: number;
}

export interface TrackedWrite extends QueuedWrite { status: WriteState }

/**
 * Every write this page queued, for as long as the page is open: a client's view may be taken
 * down while another thread's people are looked up, and its writes are listed again when it
 * comes back. Once confirmed (or discarded) a write stays so: the outbox no longer knows it.
 */
const log = { writes: [] as QueuedWrite[], settled: new Map<string, WriteState>(), listeners: new Set<() => void>() };

function change(update: (writes: QueuedWrite[]) => QueuedWrite[]): void {
  log.writes = update(log.writes);
  for (const listener of log.listeners) listener();
}

/**
 * Writes this page queued in the durable outbox for `scope` (the thread and person shown), each
 * with where it is now: pending, saved, or failed with the CRM's reason. The outbox is polled only
 * while a write of any scope is unconfirmed.
 */
export type QueuedWrites = ReturnType<typeof useQueuedWrites>;

export function useQueuedWrites(scope: string) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const listener = () => rerender(1);
    log.listeners.add(listener);
    return () => void log.listeners.delete(listener);
  }, []);
  const watching = log.writes.some((w) => !log.settled.has(w.key));
  const outbox = useOutbox(watching);
  // Every scope's writes are followed, so one confirmed while another client is shown stops the polling.
  const tracked: TrackedWrite[] = log.writes.map((w) => {
    const settled = log.settled.get(w.key);
    if (settled) return { ...w, status: settled };
    // An outbox read from before the write was queued says nothing about it.
    const known = outbox.dataUpdatedAt >= w.queuedAt ? writeState(w.key, outbox.data) : null;
    if (known?.state === 'saved' || known?.state === 'discarded') log.settled.set(w.key, known);
    return { ...w, status: known ?? { state: 'pending' } };
  });

  const queue = useCallback(async (write: WriteInput, label: string, group = 'any'): Promise<QueuedWrite> => {
    const { key, id } = await ask('enqueueWrite', { write });
    const queued = { key, id, label, group, scope, queuedAt: Date.now() };
    change((list) => [...list, queued]);
    return queued;
  }, [scope]);

  const { refetch } = outbox;
  const retry = useCallback(async (key: string) => {
    await ask('retryWrite', { key });
    change((list) => list.map((w) => (w.key === key ? { ...w, queuedAt: Date.now() } : w)));
    void refetch();
  }, [refetch]);

  const discard = useCallback(async (key: string) => {
    await ask('discardWrite', { key });
    change((list) => list.filter((w) => w.key !== key));
  }, []);

  return { writes: tracked.filter((w) => w.scope === scope), queue, retry, discard };
}
