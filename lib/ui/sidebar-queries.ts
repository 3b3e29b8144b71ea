import { useInfiniteQuery, useQuery } from '@tanstack/preact-query';
import type { InteractionKind } from '../api';
import { ask } from './ask';

/** Every address of the thread in one `lookup` message. */
export function useLookup(emails: readonly string[]) {
  return useQuery({
    queryKey: ['lookup', ...emails],
    queryFn: () => ask('lookup', { emails: [...emails] }),
    enabled: emails.length > 0,
  });
}

export function useAccount(accountId: string | null) {
  return useQuery({
    queryKey: ['account', accountId],
    queryFn: () => ask('getAccount', { accountId: accountId ?? '' }),
    enabled: accountId !== null,
  });
}

export function useOpenCommitments(accountId: string) {
  return useQuery({
    queryKey: ['commitments', accountId, 'open'],
    queryFn: () => ask('getCommitments', { accountId, status: 'open' }),
  });
}

/** The timeline, newest first, a page at a time; `kinds` empty means every kind. */
export function useTimeline(accountId: string, kinds: readonly InteractionKind[]) {
  return useInfiniteQuery({
    queryKey: ['timeline', accountId, [...kinds].sort().join(',')],
    queryFn: ({ pageParam }) =>
      ask('getTimeline', { accountId, ...(pageParam ? { cursor: pageParam } : {}), ...(kinds.length > 0 ? { kind: [...kinds] } : {}) }),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.value.nextCursor ?? undefined,
  });
}

/**
 * Connection, signed-in user and outbox counts. Read from the background's own database, so it
 * is cheap to ask again; polled so that a CRM that went away (or came back) shows within seconds.
 */
export function useStatus() {
  return useQuery({ queryKey: ['status'], queryFn: () => ask('getStatus'), refetchInterval: 5000 });
}

/** The outbox, polled while something this page wrote is still on its way. */
export function useOutbox(watching: boolean) {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: () => ask('getOutboxStatus'),
    enabled: watching,
    refetchInterval: watching ? 1500 : false,
  });
}
