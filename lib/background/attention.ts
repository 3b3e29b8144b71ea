import type { AttentionPage } from '../api';
import type { Fresh } from '../messaging/protocol';
import { overdueBadge, showActionBadge } from './action-badge';
import type { Ctx } from './context';
import { isOffline } from './status';
import { staleWhileRevalidate } from './swr';

export type AttentionOwner = 'me' | 'team';

/** Rows per section: one screen of each list, and enough commitments for the toolbar's count. */
export const ATTENTION_ROWS = 50;

/** The accounts a page names, so the pages showing them hear that it changed. */
const accountsOf = (page: AttentionPage): string[] => [
  ...new Set([
    ...(page.atRisk?.items ?? []).map((r) => r.account.id),
    ...(page.commitments?.items ?? []).map((c) => c.account.id),
    ...(page.rhythm?.items ?? []).map((r) => r.account.id),
  ]),
];

/** Asks the CRM for the first page of every section, keeps it, and for `me` puts the overdue count on the toolbar. */
async function fetchFirstPage(ctx: Ctx, owner: AttentionOwner): Promise<AttentionPage> {
  const page = await (await ctx.client())('attention', { query: { owner, limit: ATTENTION_ROWS } });
  await ctx.db.put('attention', { owner, page, fetchedAt: ctx.now() });
  if (owner === 'me') await showActionBadge(overdueBadge(page));
  return page;
}

/**
 * Who needs me (or my team) today. The first page is cached like the other reads, so it is shown
 * at once and offline (marked so); a further page of one section (`cursor`) is asked for each time.
 */
export async function getAttention(ctx: Ctx, owner: AttentionOwner, cursor?: string): Promise<Fresh<AttentionPage>> {
  if (cursor !== undefined) {
    const page = await (await ctx.client())('attention', { query: { owner, cursor, limit: ATTENTION_ROWS } });
    return { value: page, fetchedAt: ctx.now(), stale: false };
  }
  return staleWhileRevalidate(
    {
      key: `attention:${owner}`,
      read: async () => {
        const entry = await ctx.db.get('attention', owner);
        return entry && { value: entry.page, fetchedAt: entry.fetchedAt };
      },
      fetch: () => fetchFirstPage(ctx, owner),
    },
    {
      now: ctx.now,
      background: ctx.background,
      refreshed: () => void ctx.db.get('attention', owner).then((e) => e && ctx.notify({ accountIds: accountsOf(e.page) })),
      offline: () => isOffline(ctx.db),
    },
  );
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * After a read of the changes feed: the toolbar's count of my overdue commitments, from a fresh
 * answer when something changed (or when the cached one is from an earlier day, since a promise
 * falls overdue without any change), else from the cached one, with no request.
 */
export async function refreshOverdueBadge(ctx: Ctx, changed: boolean): Promise<void> {
  const entry = await ctx.db.get('attention', 'me');
  if (changed || !entry || utcDay(Date.parse(entry.page.asOf)) !== utcDay(ctx.now())) {
    await fetchFirstPage(ctx, 'me');
    return;
  }
  await showActionBadge(overdueBadge(entry.page));
}

/** Signed out, or signed in elsewhere: nothing of the last connection stays on the toolbar. */
export const clearOverdueBadge = (): Promise<void> => showActionBadge(overdueBadge(null));
