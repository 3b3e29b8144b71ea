import type { AccountDetail, CommitmentList, InteractionKind, TimelinePage } from '../api';
import type { Fresh } from '../messaging/protocol';
import type { Ctx } from './context';
import { isOffline } from './status';
import { staleWhileRevalidate, type SwrDeps } from './swr';

function swrDeps(ctx: Ctx, accountId: string): SwrDeps {
  return {
    now: ctx.now,
    background: ctx.background,
    refreshed: () => ctx.notify({ accountIds: [accountId] }),
    offline: () => isOffline(ctx.db),
  };
}

/** An account with its contacts and summary, from the cache when there is one. */
export function getAccount(ctx: Ctx, accountId: string): Promise<Fresh<AccountDetail>> {
  return staleWhileRevalidate(
    {
      key: `account:${accountId}`,
      read: async () => {
        const entry = await ctx.db.get('accounts', accountId);
        return entry && { value: entry.detail, fetchedAt: entry.fetchedAt };
      },
      fetch: async () => {
        const detail = await (await ctx.client())('account', { params: { id: accountId } });
        await ctx.db.put('accounts', { id: accountId, detail, fetchedAt: ctx.now() });
        return detail;
      },
    },
    swrDeps(ctx, accountId),
  );
}

/** A timeline page. Only first pages are cached: older pages are read rarely and change rarely. */
export async function getTimeline(
  ctx: Ctx,
  accountId: string,
  cursor: string | undefined,
  kind: readonly InteractionKind[] | undefined,
): Promise<Fresh<TimelinePage>> {
  const query = { cursor, kind: kind && kind.length > 0 ? kind.join(',') : undefined };
  const fetchPage = async () => (await ctx.client())('timeline', { params: { id: accountId }, query });
  if (cursor !== undefined) return { value: await fetchPage(), fetchedAt: ctx.now(), stale: false };
  const key = `${accountId}|${query.kind ?? 'all'}`;
  return staleWhileRevalidate(
    {
      key: `timeline:${key}`,
      read: async () => {
        const entry = await ctx.db.get('timelines', key);
        return entry && { value: entry.page, fetchedAt: entry.fetchedAt };
      },
      fetch: async () => {
        const page = await fetchPage();
        await ctx.db.put('timelines', { key, accountId, page, fetchedAt: ctx.now() });
        return page;
      },
    },
    swrDeps(ctx, accountId),
  );
}

export type CommitmentStatusFilter = 'open' | 'done' | 'cancelled' | 'all';

/** An account's commitments with the given status, cached per status. */
export function getCommitments(ctx: Ctx, accountId: string, status: CommitmentStatusFilter): Promise<Fresh<CommitmentList>> {
  const key = `${accountId}|${status}`;
  return staleWhileRevalidate(
    {
      key: `commitments:${key}`,
      read: async () => {
        const entry = await ctx.db.get('commitments', key);
        return entry && { value: entry.list, fetchedAt: entry.fetchedAt };
      },
      fetch: async () => {
        const list = await (await ctx.client())('commitments', { params: { id: accountId }, query: { status } });
        await ctx.db.put('commitments', { key, accountId, list, fetchedAt: ctx.now() });
        return list;
      },
    },
    swrDeps(ctx, accountId),
  );
}
