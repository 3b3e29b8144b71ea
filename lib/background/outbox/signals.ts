import type { Db } from '../db';

/**
 * What the outbox and the connection tell the rest of the worker: the outbox changed (a write
 * queued, refused, edited or dropped; the accounts it belongs to), or a call to the CRM worked
 * again after a failure, so writes waiting for the connection can go now.
 */
export type OutboxSignal =
  | { type: 'changed'; accountIds: string[] }
  | { type: 'connection-restored' }
  /** The first failure for want of a connection after a success: pages now show cached answers as offline. */
  | { type: 'connection-lost' };
type Listener = (signal: OutboxSignal) => void;

// Keyed by database, so that tests with one database each don't hear each other.
const listeners = new WeakMap<Db, Set<Listener>>();

export function listen(db: Db, listener: Listener): () => void {
  const set = listeners.get(db) ?? new Set<Listener>();
  listeners.set(db, set);
  set.add(listener);
  return () => void set.delete(listener);
}

export function emit(db: Db, signal: OutboxSignal): void {
  for (const listener of listeners.get(db) ?? []) {
    try {
      listener(signal);
    } catch {
      // A listener's failure must not stop the write that emitted the signal.
    }
  }
}

/** This worker instance; "sending" marks carry it so start-up can tell a live send from an orphan. */
export const WORKER_INSTANCE = `worker-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
