import type { z } from 'zod';
import { issuePath, toProblem, type Result } from '../messaging/problem-error';
import {
  AccountData, CommitmentsData, EnqueueData, LookupData, NoData, OutboxKeyData, UpdateWriteData, OPEN_TO_CONTENT_SCRIPTS, ReportLayoutData,
  SaveSettingsData, TestConnectionData, TimelineData, type BackgroundNotice, type OutboxStatus, type ProtocolMap,
} from '../messaging/protocol';
import { getAccount, getCommitments, getTimeline } from './account-reads';
import type { App } from './app';
import { createCrmClient } from './crm-client';
import { clearCache } from './invalidate';
import { createDiscardedWrites, sessionDiscardedArea, type DiscardedWrites } from './outbox/discarded';
import { createLayoutHealthStore, sessionLayoutArea, type LayoutHealthStore } from './layout-health';
import { lookupEmails, lookupThread } from './lookup';
import { allItems, discardFailed, enqueue, retryFailed } from './outbox/queue';
import { summarise } from './outbox/summary';
import { updateFailed } from './outbox/edit';
import { listen } from './outbox/signals';
import { isExtensionPage, type Sender } from './sender';
import { connectionChanged, loadSettings, storeSettings } from './settings-store';
import { createSidebarKey, sessionSidebarKeyArea, type SidebarKey } from './sidebar-key';
import { getStatus } from './status';

type Requests = Exclude<keyof ProtocolMap, BackgroundNotice>;
export type Handler<K extends Requests> = (data: unknown, sender: Sender) => Promise<ReturnType<ProtocolMap[K]>>;
export type Handlers = { [K in Requests]: Handler<K> };

export interface Identity { extensionBaseUrl: string; extensionId: string }

/**
 * Every request the background answers. Each handler checks the sender (only `lookup`,
 * `getStatus`, `reportLayout` and `sidebarKey` are open to content scripts), checks `data` with the protocol's schema, and
 * answers a Result: a value or a Problem, never an exception across the channel.
 */
export function createHandlers(
  app: App,
  identity: Identity,
  layout: LayoutHealthStore = createLayoutHealthStore(sessionLayoutArea()),
  discarded: DiscardedWrites = createDiscardedWrites(sessionDiscardedArea()),
  sidebarKey: SidebarKey = createSidebarKey(sessionSidebarKeyArea()),
): Handlers {
  const { ctx } = app;
  function handle<S extends z.ZodType, T>(name: Requests, schema: S, run: (data: z.output<S>) => Promise<T>) {
    return async (data: unknown, sender: Sender): Promise<Result<T>> => {
      if (!OPEN_TO_CONTENT_SCRIPTS.has(name) && !isExtensionPage(sender, identity.extensionBaseUrl, identity.extensionId)) {
        return { ok: false, problem: { kind: 'forbidden', message: `${name} is only answered to the extension's own pages` } };
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        return { ok: false, problem: { kind: 'invalid-request', path: issuePath(parsed.error), detail: parsed.error.issues[0]?.message ?? '' } };
      }
      try {
        return { ok: true, value: await run(parsed.data) };
      } catch (error) {
        return { ok: false, problem: toProblem(error) };
      }
    };
  }
  const outbox = async (): Promise<OutboxStatus> => ({ ...summarise(await allItems(ctx.db)), discarded: await discarded.list().catch(() => []) });
  // Pages show each write's state and whether the CRM is reachable: tell them when either changes.
  listen(ctx.db, (signal) => ctx.notify(signal.type === 'changed' ? { accountIds: signal.accountIds, outbox: true } : { all: true }));

  return {
    getSettings: handle('getSettings', NoData, () => loadSettings(ctx.db)),
    saveSettings: handle('saveSettings', SaveSettingsData, async (next) => {
      const before = await loadSettings(ctx.db);
      await storeSettings(ctx.db, next);
      if (connectionChanged(before, next)) {
        await clearCache(ctx.db);
        ctx.notify({ all: true });
        ctx.background(app.refreshMe().then(app.sync));
        ctx.background(app.drain());
      }
      return next;
    }),
    testConnection: handle('testConnection', TestConnectionData, (c) =>
      createCrmClient(c, ctx.clientOptions)('me'),
    ),
    lookup: handle('lookup', LookupData, (d) => lookupEmails(ctx, d.emails, d.prefetch)),
    lookupThread: handle('lookupThread', LookupData, (d) => lookupThread(ctx, d.emails, d.prefetch)),
    getAccount: handle('getAccount', AccountData, (d) => getAccount(ctx, d.accountId)),
    getTimeline: handle('getTimeline', TimelineData, (d) => getTimeline(ctx, d.accountId, d.cursor, d.kind)),
    getCommitments: handle('getCommitments', CommitmentsData, (d) => getCommitments(ctx, d.accountId, d.status)),
    enqueueWrite: handle('enqueueWrite', EnqueueData, async (d) => {
      const queued = await enqueue(ctx.db, d.write, { now: ctx.now() });
      ctx.background(app.drain());
      return queued;
    }),
    getOutboxStatus: handle('getOutboxStatus', NoData, outbox),
    retryWrite: handle('retryWrite', OutboxKeyData, async (d) => {
      if (await retryFailed(ctx.db, d.key, ctx.now())) ctx.background(app.drain());
      return outbox();
    }),
    updateFailedWrite: handle('updateFailedWrite', UpdateWriteData, async (d) => {
      await updateFailed(ctx.db, d.key, d.write, { now: ctx.now() });
      ctx.background(app.drain());
      return outbox();
    }),
    discardWrite: handle('discardWrite', OutboxKeyData, async (d) => {
      if (await discardFailed(ctx.db, d.key)) await discarded.note(d.key).catch(() => undefined);
      return outbox();
    }),
    getStatus: handle('getStatus', NoData, () => getStatus(ctx)),
    reportLayout: handle('reportLayout', ReportLayoutData, (d) => layout.report(d)),
    getLayoutHealth: handle('getLayoutHealth', NoData, () => layout.list()),
    sidebarKey: handle('sidebarKey', NoData, () => sidebarKey.get()),
  };
}
