import { useQueryClient } from '@tanstack/preact-query';
import { useEffect } from 'preact/hooks';
import { onMessage } from '../messaging/protocol';

/** Refetches what the page shows when the background says cached data changed. */
export function useCacheChanges(): void {
  const client = useQueryClient();
  useEffect(() => onMessage('cacheChanged', () => void client.invalidateQueries()), [client]);
}
