import type { z } from 'zod';
import { fetchMessages } from '../i18n';
import type { Result } from '../messaging/problem-error';
import {
  AccountData, AttentionData, CommitmentsData, EnqueueData, LayoutReportData, LookupData, NoData, OutboxKeyData, ReportLayoutData, SaveSettingsData,
  SearchAccountsData, TestConnectionData, TimelineData, UpdateWriteData, type BackgroundNotice, type OutboxStatus, type ProtocolMap,
} from '../messaging/protocol';
import { getAccount, getCommitments, getTimeline } from './account-reads';
import { clearOverdueBadge, getAttention } from './attention';
import type { App } from './app';
import { createCrmClient } from './crm-client';
import { clearCache } from './invalidate';
import type { LayoutHealthStore } from './layout-health';
import { collectLayoutReport } from './layout-report';
import { lookupEmails, lookupThread } from './lookup';
import type { DiscardedWrites } from './outbox/discarded';
import { updateFailed } from './outbox/edit';
import { discardFailed, enqueue, retryFailed } from './outbox/queue';
import { connectionChanged, loadSettings, storeSettings } from './settings-store';
import type { SidebarKey } from './sidebar-key';
import { getStatus } from './status';

/** The messages the background answers (the others it only sends). */
export type Requests = Exclude<keyof ProtocolMap, BackgroundNotice>;

/** What a request's `run` works with: the app and the session's stores. */
export interface HandlerDeps {
  app: App;
  layout: LayoutHealthStore;
  discarded: DiscardedWrites;
  sidebarKey: SidebarKey;
  /** The outbox as pages see it, with the keys of writes discarded this session. */
  outbox(): Promise<OutboxStatus>;
}

/** One request the background answers. */
export interface HandlerEntry<S extends z.ZodType, T> {
  /** What the message's `data` must match; `run` gets it parsed, defaults applied. */
  schema: S;
  /** Content scripts may send it; every other request is answered only to the extension's own pages. */
  openToContent?: true;
  run(data: z.output<S>, deps: HandlerDeps): Promise<T>;
}

/** Types `run`'s data from the entry's schema. */
const handler = <S extends z.ZodType, T>(entry: HandlerEntry<S, T>): HandlerEntry<S, T> => entry;

/**
 * Every request the background answers: the one place a request is named, with its schema and who
 * may send it. The background registers a listener for each entry (entrypoints/background.ts), and
 * `createHandlers` checks each message's sender and data against its entry before running it.
 */
export const HANDLERS = {
  getSettings: handler({ schema: NoData, run: (_, { app }) => loadSettings(app.ctx.db) }),
  saveSettings: handler({
    schema: SaveSettingsData,
    async run(next, { app }) {
      const { ctx } = app;
      const before = await loadSettings(ctx.db);
      await storeSettings(ctx.db, next);
      if (connectionChanged(before, next)) {
        await clearCache(ctx.db);
        await clearOverdueBadge();
        ctx.notify({ all: true });
        ctx.background(app.refreshMe().then(app.sync));
        ctx.background(app.drain());
      }
      return next;
    },
  }),
  uiMessages: handler({ schema: NoData, openToContent: true, run: async (_, { app }) => fetchMessages((await loadSettings(app.ctx.db)).language) }),
  testConnection: handler({ schema: TestConnectionData, run: (c, { app }) => createCrmClient(c, app.ctx.clientOptions)('me') }),
  lookup: handler({ schema: LookupData, openToContent: true, run: (d, { app }) => lookupEmails(app.ctx, d.emails, d.prefetch) }),
  lookupThread: handler({ schema: LookupData, run: (d, { app }) => lookupThread(app.ctx, d.emails, d.prefetch) }),
  getAccount: handler({ schema: AccountData, run: (d, { app }) => getAccount(app.ctx, d.accountId) }),
  searchAccounts: handler({ schema: SearchAccountsData, run: async (d, { app }) => (await app.ctx.client())('searchAccounts', { query: { q: d.q } }) }),
  getAttention: handler({ schema: AttentionData, run: (d, { app }) => getAttention(app.ctx, d.owner, d.cursor) }),
  getTimeline: handler({ schema: TimelineData, run: (d, { app }) => getTimeline(app.ctx, d.accountId, d.cursor, d.kind) }),
  getCommitments: handler({ schema: CommitmentsData, run: (d, { app }) => getCommitments(app.ctx, d.accountId, d.status) }),
  enqueueWrite: handler({
    schema: EnqueueData,
    async run(d, { app }) {
      const queued = await enqueue(app.ctx.db, d.write, { now: app.ctx.now() });
      app.ctx.background(app.drain());
      return queued;
    },
  }),
  getOutboxStatus: handler({ schema: NoData, run: (_, { outbox }) => outbox() }),
  retryWrite: handler({
    schema: OutboxKeyData,
    async run(d, { app, outbox }) {
      if (await retryFailed(app.ctx.db, d.key, app.ctx.now())) app.ctx.background(app.drain());
      return outbox();
    },
  }),
  updateFailedWrite: handler({
    schema: UpdateWriteData,
    async run(d, { app, outbox }) {
      await updateFailed(app.ctx.db, d.key, d.write, { now: app.ctx.now() });
      app.ctx.background(app.drain());
      return outbox();
    },
  }),
  discardWrite: handler({
    schema: OutboxKeyData,
    async run(d, { app, discarded, outbox }) {
      if (await discardFailed(app.ctx.db, d.key)) await discarded.note(d.key).catch(() => undefined);
      return outbox();
    },
  }),
  getStatus: handler({ schema: NoData, openToContent: true, run: (_, { app }) => getStatus(app.ctx) }),
  // Bounded names of failed readers, kept per site: nothing a page could abuse beyond a wrong popup line.
  reportLayout: handler({ schema: ReportLayoutData, openToContent: true, run: (d, { layout }) => layout.report(d) }),
  getLayoutHealth: handler({ schema: NoData, run: (_, { layout }) => layout.list() }),
  // Asks the mail tabs' content scripts; their answer is checked in layout-report.ts.
  getLayoutReport: handler({ schema: LayoutReportData, run: (d) => collectLayoutReport(d.site) }),
  // Asked by content scripts only; a mail page's own scripts cannot reach the extension's messaging.
  sidebarKey: handler({ schema: NoData, openToContent: true, run: (_, { sidebarKey }) => sidebarKey.get() }),
} satisfies { [K in Requests]: Answers<K> };

/** The request names, for registering a listener each. */
export const REQUEST_NAMES = Object.keys(HANDLERS) as Requests[];

// ---- compile-time checks against the protocol (lib/messaging/protocol.ts) --------------------

/** What pages send with a request; a message without `data` sends nothing, which `NoData` reads. */
type DataOf<K extends Requests> = Parameters<ProtocolMap[K]> extends [infer D] ? D : z.input<typeof NoData>;
type ValueOf<K extends Requests> = ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;

/** An entry answers what the protocol promises: `satisfies` above also refuses a missing or unknown name. */
interface Answers<K extends Requests> {
  schema: z.ZodType<unknown, DataOf<K>>;
  openToContent?: true;
  run(data: never, deps: HandlerDeps): Promise<ValueOf<K>>;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The requests whose schema reads other data than the protocol says pages send (none). */
type DataMismatch = { [K in Requests]: Same<z.input<(typeof HANDLERS)[K]['schema']>, DataOf<K>> extends true ? never : K }[Requests];
type NoneOf<T extends never> = T;
/** Fails to compile, naming the request, when a schema and the protocol disagree. */
export type DataMatchesProtocol = NoneOf<DataMismatch>;
