import { refreshOverdueBadge } from './attention';
import { serverWaitUntil } from './outbox/backoff';
import type { Ctx } from './context';
import { readStatus, updateStatus, type Db } from './db';
import { invalidateAccounts, invalidateEverything, invalidateUnknownLookups } from './invalidate';

/** Bounds one sync run so a huge backlog can't keep the worker busy forever; the rest waits. */
const MAX_PAGES = 20;

export interface SyncReport {
  changes: number;
  accountIds: string[];
  /** Not read: the CRM's last answer said to come back at this time (epoch ms). */
  deferredUntil?: number;
}

/** Until when the CRM's last answer (a 429 or 503 with Retry-After) asked to be left alone, if it still does. */
export async function crmWaitUntil(db: Db, now: number): Promise<number | null> {
  const until = serverWaitUntil((await readStatus(db)).lastProblem);
  return until !== null && until > now ? until : null;
}

/**
 * Reads GET /v1/changes since the stored cursor and marks the changed accounts' cache stale.
 * Without a cursor (first run, or after the connection changed) the whole cache is suspect: it is
 * all marked stale, and the feed is read from its head (`from=now`) rather than through the
 * team's history (a CRM that predates `from` answers from the start, read as before). While the
 * CRM's last answer asks to be left alone (Retry-After), the poll is skipped: the next alarm
 * after that time reads it.
 */
export async function syncChanges(ctx: Ctx): Promise<SyncReport> {
  const deferredUntil = await crmWaitUntil(ctx.db, ctx.now());
  if (deferredUntil !== null) return { changes: 0, accountIds: [], deferredUntil };
  const client = await ctx.client();
  let since = (await readStatus(ctx.db)).changesCursor ?? undefined;
  const first = since === undefined;
  const accountIds = new Set<string>();
  let people = first;
  let changes = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client('changes', { query: since === undefined ? { from: 'now' } : { since } });
    for (const change of answer.changes) {
      accountIds.add(change.accountId);
      if (change.type === 'contact' || change.type === 'account') people = true;
    }
    changes += answer.changes.length;
    since = answer.cursor;
    if (!answer.more) break;
  }
  // Everything stale covers the unknown addresses too.
  if (first) await invalidateEverything(ctx.db);
  else {
    await invalidateAccounts(ctx.db, accountIds);
    if (people) await invalidateUnknownLookups(ctx.db);
  }
  const syncedAt = ctx.now();
  await updateStatus(ctx.db, (s) => ({ ...s, changesCursor: since ?? null, lastSyncAt: syncedAt }));
  // A changed person or account (a new address, a domain added) can make a sender the tabs show as
  // unknown a client's: they look up everything they show again, from the cache where it is current.
  if (people) ctx.notify({ all: true });
  else if (accountIds.size > 0) ctx.notify({ accountIds: [...accountIds] });
  // The toolbar's count of my overdue promises follows the feed: asked for again only when something changed.
  await refreshOverdueBadge(ctx, accountIds.size > 0).catch(() => undefined);
  return { changes, accountIds: [...accountIds] };
}
