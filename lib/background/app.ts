import { emailDomain } from '../api/email';
import type { CacheChange } from '../messaging/protocol';
import { connectedClient, type PermissionCheck } from './connection';
import type { Ctx } from './context';
import { readStatus, type Db } from './db';
import { createOutboxDrainer } from './outbox/drain';
import { invalidateAccounts, invalidateUnknownLookups } from './invalidate';
import { recoverInterrupted } from './outbox/queue';
import { loadSettings } from './settings-store';
import { fetchLookups } from './lookup';
import { listen } from './outbox/signals';
import { recordOutcome } from './status';
import { crmWaitUntil, syncChanges } from './sync';

export interface AppDeps {
  db: Db;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  timeoutMs?: number;
  /** Whether the browser lets the extension reach a CRM address; assumed yes when not given. */
  permitted?: PermissionCheck;
  notify: (change: CacheChange) => void;
  /**
   * Tells the mail tabs' content scripts to look these addresses up again (their accounts changed),
   * so badges and banners follow without a reload.
   */
  recheck?: (emails: string[]) => void;
  /** Sets (or with null clears) the alarm that wakes the worker to drain the outbox. */
  scheduleDrain: (when: number | null) => Promise<void> | void;
}

export type App = ReturnType<typeof createApp>;

/** At start-up, the changes feed is read only if the last sync is older than this. */
export const STARTUP_SYNC_AFTER_MS = 60_000;

/** The background's services over one database; the entrypoint only connects browser events. */
export function createApp(deps: AppDeps) {
  const now = deps.now ?? Date.now;
  const pending = new Set<Promise<unknown>>();
  const clientOptions = { now, ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}) };

  const ctx: Ctx = {
    db: deps.db,
    now,
    clientOptions,
    settings: () => loadSettings(deps.db),
    client: async () => connectedClient(deps.db, await loadSettings(deps.db), clientOptions, deps.permitted),
    notify: deps.notify,
    background(work) {
      // Failures are already recorded by the client; a background refresh has nobody to tell.
      const tracked = work.catch(() => undefined).finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
  };

  /**
   * After a write or the changes feed touched these accounts: their cached lookups are asked for
   * again at once (one request), then the mail tabs are told to look the addresses up again, so
   * they find the CRM's new risk in the cache. Offline, the tabs keep what they show.
   */
  async function recheckAccounts(accountIds: readonly string[]): Promise<void> {
    if (!deps.recheck || accountIds.length === 0) return;
    const tx = deps.db.transaction('lookups');
    const entries = (await Promise.all(accountIds.map((id) => tx.store.index('by-account').getAll(id)))).flat();
    await tx.done;
    const emails = [...new Set(entries.map((e) => e.email))];
    if (emails.length === 0) return;
    await fetchLookups(ctx, emails);
    deps.recheck(emails);
  }

  /** As `recheckAccounts`, for the cached addresses the CRM did not know at these domains. */
  async function recheckUnknownAt(domains: readonly string[]): Promise<void> {
    if (!deps.recheck || domains.length === 0) return;
    const at = new Set(domains);
    const emails = (await deps.db.getAll('lookups')).filter((e) => e.accountId === undefined && at.has(emailDomain(e.email))).map((e) => e.email);
    if (emails.length === 0) return;
    await fetchLookups(ctx, emails);
    deps.recheck(emails);
  }

  // Pages hear at once that the CRM went away (or came back): the sidebar says it shows cached data.
  listen(deps.db, (signal) => {
    if (signal.type === 'connection-lost' || signal.type === 'connection-restored') deps.notify({});
  });

  const drainer = createOutboxDrainer({
    db: deps.db,
    client: ctx.client,
    now,
    random: deps.random ?? Math.random,
    schedule: deps.scheduleDrain,
    async sent(accountId, type, write) {
      await invalidateAccounts(deps.db, [accountId]);
      // An account's new set of domains: addresses there that were unknown now match it (those at a
      // domain it dropped are its own lookups, asked again below with the account's).
      const domains = write.type === 'account-patch' ? write.body.domains : undefined;
      // A new contact, or an address added to one, can turn an address the CRM didn't know into a match, whenever it is sent.
      if (type === 'contact' || type === 'contact-emails' || domains) await invalidateUnknownLookups(deps.db);
      if (type === 'contact' || domains) deps.notify({ all: true });
      else deps.notify({ accountIds: [accountId] });
      ctx.background(recheckAccounts([accountId]));
      if (domains) ctx.background(recheckUnknownAt(domains));
    },
  });

  /** Who the token belongs to; recorded for the popup. */
  async function refreshMe(): Promise<void> {
    const me = await (await ctx.client())('me');
    await recordOutcome(deps.db, { me });
  }

  return {
    ctx,
    drain: drainer.drain,
    sync: () => syncChanges(ctx).then((report) => {
      ctx.background(recheckAccounts(report.accountIds));
      return report;
    }),
    refreshMe,
    /** Worker start-up: resume interrupted sends, then try the outbox and the changes feed. */
    async startup(): Promise<void> {
      await recoverInterrupted(deps.db);
      // A worker wakes for every message after idling; don't ask the CRM each time, nor while
      // it has asked to be left alone (Retry-After).
      const { lastSyncAt } = await readStatus(deps.db);
      const recent = (lastSyncAt !== null && now() - lastSyncAt < STARTUP_SYNC_AFTER_MS) || (await crmWaitUntil(deps.db, now())) !== null;
      await Promise.allSettled([drainer.drain(), recent ? Promise.resolve() : refreshMe().then(() => syncChanges(ctx))]);
    },
    /** Resolves when background refreshes started so far have finished (tests, shutdown). */
    settled: () => Promise.all([...pending]).then(() => undefined),
  };
}
