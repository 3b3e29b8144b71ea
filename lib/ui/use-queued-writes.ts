import { useCallback, useRef, useState } from 'preact/hooks';
import type { WriteInput } from '../messaging/write';
import { writeState, type WriteState } from '../sidebar/write-state';
import { ask } from './ask';
import { useOutbox } from './sidebar-queries';

export interface QueuedWrite {
  key: string;
  /** The record id the write creates or changes (client-made), for matching it in later lists. */
  id: string | null;
  /** What the user wrote, to recognise it in the list. */
  label: string;
  /** Which part of the page made it, so each part lists its own. */
  group: string;
  queuedAt: number;
}

export interface TrackedWrite extends QueuedWrite { status: WriteState }

/**
 * Writes this page queued in the durable outbox, each with where it is now: pending, saved, or
 * failed with the CRM's reason. The outbox is polled only while one of them is unconfirmed.
 */
export type QueuedWrites = ReturnType<typeof useQueuedWrites>;

export function useQueuedWrites() {
  const [writes, setWrites] = useState<QueuedWrite[]>([]);
  // Once confirmed, a write stays saved: the outbox no longer knows it.
  const saved = useRef(new Set<string>());
  const watching = writes.some((w) => !saved.current.has(w.key));
  const outbox = useOutbox(watching);
  const tracked: TrackedWrite[] = writes.map((w) => {
    if (saved.current.has(w.key)) return { ...w, status: { state: 'saved' } };
    // An outbox read from before the write was queued says nothing about it.
    const known = outbox.dataUpdatedAt >= w.queuedAt ? writeState(w.key, outbox.data) : null;
    if (known?.state === 'saved') saved.current.add(w.key);
    return { ...w, status: known ?? { state: 'pending' } };
  });

  const queue = useCallback(async (write: WriteInput, label: string, group = 'any'): Promise<QueuedWrite> => {
    const { key, id } = await ask('enqueueWrite', { write });
    const queued = { key, id, label, group, queuedAt: Date.now() };
    setWrites((list) => [...list, queued]);
    return queued;
  }, []);

  const { refetch } = outbox;
  const retry = useCallback(async (key: string) => {
    await ask('retryWrite', { key });
    setWrites((list) => list.map((w) => (w.key === key ? { ...w, queuedAt: Date.now() } : w)));
    void refetch();
  }, [refetch]);

  const discard = useCallback(async (key: string) => {
    await ask('discardWrite', { key });
    setWrites((list) => list.filter((w) => w.key !== key));
  }, []);

  return { writes: tracked, queue, retry, discard };
}
