import { useQueryClient } from '@tanstack/preact-query';
import { useEffect } from 'preact/hooks';
import { onMessage } from '../messaging/channel';
import type { CacheChange } from '../messaging/protocol';

// The messaging library allows one listener per message type and page, so the page keeps one
// and hands each change to every component that asked.
const subscribers = new Set<(change: CacheChange) => void>();
let stopListening: (() => void) | null = null;

function subscribe(callback: (change: CacheChange) => void): () => void {
  subscribers.add(callback);
  stopListening ??= onMessage('cacheChanged', ({ data }) => subscribers.forEach((s) => s(data)));
  return () => {
    subscribers.delete(callback);
    if (subscribers.size === 0) {
      stopListening?.();
      stopListening = null;
    }
  };
}

/** Refetches what the page shows when the background says cached data changed. */
export function useCacheChanges(): void {
  const client = useQueryClient();
  useEffect(() => subscribe(() => void client.invalidateQueries()), [client]);
}
