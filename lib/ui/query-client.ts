import { QueryClient } from '@tanstack/preact-query';

/**
 * One client per page. The background already caches and refreshes, so pages don't retry on
 * their own (the user gets a clear problem and a "Try again" button) and don't refetch on focus.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
