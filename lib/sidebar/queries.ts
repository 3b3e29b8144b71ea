import { useInfiniteQuery, useQuery, useQueryClient, type QueryClient } from '@tanstack/preact-query';
import type { InteractionKind } from '../api';
import type { LookupItem, ThreadLookup } from '../messaging/protocol';
import { useLayoutEffect } from 'preact/hooks';
import { ask } from '../ui/ask';

const accountQuery = (accountId: string) => ({
  queryKey: ['account', accountId],
  queryFn: () => ask('getAccount', { accountId }),
});

const openCommitmentsQuery = (accountId: string) => ({
  queryKey: ['commitments', accountId, 'open'],
  queryFn: () => ask('getCommitments', { accountId, status: 'open' }),
});

/** At most this many clients of one thread have their account asked for with the lookup's answer. */
const READ_AHEAD_MAX = 3;
/** The most addresses a lookup message may name for reading ahead. */
const LOOKUP_PREFETCH_MAX = 50;

/**
 * Asks for the open commitments (unless the lookup brought them) and the account of the clients
 * among `items` as soon as the lookup answers, so the answers are on their way while the client
 * view is being built.
 */
function readAhead(client: QueryClient, items: readonly LookupItem[], brought: ThreadLookup['openCommitments']): void {
  const ids = [...new Set(items.flatMap((i) => (i.match === 'contact' || i.match === 'account-domain' ? [i.account.id] : [])))];
  for (const id of ids.slice(0, READ_AHEAD_MAX)) {
    const commitments = brought[id] ? Promise.resolve() : client.prefetchQuery(openCommitmentsQuery(id));
    void commitments.then(() => client.prefetchQuery(accountQuery(id)));
  }
}

/** Stores the open commitments a thread lookup brought, unless the page already has a newer answer. */
function keepBrought(client: QueryClient, brought: ThreadLookup['openCommitments']): void {
  for (const [id, fresh] of Object.entries(brought)) {
    client.setQueryData(openCommitmentsQuery(id).queryKey, (old: typeof fresh | undefined) => (old && old.fetchedAt > fresh.fetchedAt ? old : fresh));
  }
}

/**
 * Every address of the thread in one `lookupThread` message, which also brings the clients' open
 * commitments when the background has them (a thread's lookup fetches them along): the client
 * and its promises are then shown after one question. It is sent as soon as the thread is
 * rendered (a layout effect), not after the browser painted, which is when a query's own
 * subscription would send it; the query then finds the answer on its way.
 */
export function useLookup(emails: readonly string[]) {
  const client = useQueryClient();
  const options = {
    queryKey: ['lookup', ...emails],
    queryFn: async () => {
      const { items, openCommitments } = await ask('lookupThread', { emails: [...emails], prefetch: emails.slice(0, LOOKUP_PREFETCH_MAX) });
      keepBrought(client, openCommitments);
      readAhead(client, items, openCommitments);
      return items;
    },
  };
  const key = emails.join('\n');
  useLayoutEffect(() => {
    if (emails.length > 0) void client.prefetchQuery(options);
    // `options` changes only with the addresses, which `key` stands for.
  }, [client, key]);
  return useQuery({ ...options, enabled: emails.length > 0, placeholderData: (previous, query) => narrowed(previous, query?.queryKey, emails) });
}

/**
 * While the answer for `emails` is on its way: the previous answer, when it was for more people
 * of whom these are some (the page took out people the answers showed to be colleagues), so
 * the view does not fall back to its skeleton for the same thread.
 */
function narrowed(previous: LookupItem[] | undefined, key: readonly unknown[] | undefined, emails: readonly string[]): LookupItem[] | undefined {
  if (!previous || !key) return undefined;
  const before = new Set(key.slice(1).map((e) => String(e).trim().toLowerCase()));
  const now = new Set(emails.map((e) => e.trim().toLowerCase()));
  for (const email of now) if (!before.has(email)) return undefined;
  return previous.filter((item) => now.has(item.email.trim().toLowerCase()));
}

export function useAccount(accountId: string | null) {
  return useQuery({ ...accountQuery(accountId ?? ''), enabled: accountId !== null });
}

export function useOpenCommitments(accountId: string) {
  return useQuery(openCommitmentsQuery(accountId));
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
