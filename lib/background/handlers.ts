import type { z } from 'zod';
import { issuePath, toProblem, type Result } from '../messaging/problem-error';
import type { OutboxStatus, ProtocolMap } from '../messaging/protocol';
import type { App } from './app';
import { createLayoutHealthStore, sessionLayoutArea, type LayoutHealthStore } from './layout-health';
import { createDiscardedWrites, sessionDiscardedArea, type DiscardedWrites } from './outbox/discarded';
import { allItems } from './outbox/queue';
import { listen } from './outbox/signals';
import { summarise } from './outbox/summary';
import { HANDLERS, REQUEST_NAMES, type HandlerDeps, type HandlerEntry, type Requests } from './requests';
import { isExtensionPage, type Sender } from './sender';
import { createSidebarKey, sessionSidebarKeyArea, type SidebarKey } from './sidebar-key';

export type Handler<K extends Requests> = (data: unknown, sender: Sender) => Promise<ReturnType<ProtocolMap[K]>>;
export type Handlers = { [K in Requests]: Handler<K> };

export interface Identity { extensionBaseUrl: string; extensionId: string }

/**
 * Every request of the table in requests.ts, answerable. Each checks the sender (only the entries
 * `openToContent` answer content scripts), checks `data` with the entry's schema, and answers a
 * Result: a value or a Problem, never an exception across the channel.
 */
export function createHandlers(
  app: App,
  identity: Identity,
  layout: LayoutHealthStore = createLayoutHealthStore(sessionLayoutArea()),
  discarded: DiscardedWrites = createDiscardedWrites(sessionDiscardedArea()),
  sidebarKey: SidebarKey = createSidebarKey(sessionSidebarKeyArea()),
): Handlers {
  const { ctx } = app;
  const outbox = async (): Promise<OutboxStatus> => ({ ...summarise(await allItems(ctx.db)), discarded: await discarded.list().catch(() => []) });
  const deps: HandlerDeps = { app, layout, discarded, sidebarKey, outbox };
  // Pages show each write's state and whether the CRM is reachable: tell them when either changes.
  listen(ctx.db, (signal) => ctx.notify(signal.type === 'changed' ? { accountIds: signal.accountIds, outbox: true } : { all: true }));

  async function answer(name: Requests, data: unknown, sender: Sender): Promise<Result<unknown>> {
    const entry: HandlerEntry<z.ZodType, unknown> = HANDLERS[name];
    if (!entry.openToContent && !isExtensionPage(sender, identity.extensionBaseUrl, identity.extensionId)) {
      return { ok: false, problem: { kind: 'forbidden', message: `${name} is only answered to the extension's own pages` } };
    }
    const parsed = entry.schema.safeParse(data);
    if (!parsed.success) {
      return { ok: false, problem: { kind: 'invalid-request', path: issuePath(parsed.error), detail: parsed.error.issues[0]?.message ?? '' } };
    }
    try {
      return { ok: true, value: await entry.run(parsed.data, deps) };
    } catch (error) {
      return { ok: false, problem: toProblem(error) };
    }
  }

  // Each answer has the type its entry's `run` gives, which requests.ts checks against the protocol.
  return Object.fromEntries(REQUEST_NAMES.map((name) => [name, (data: unknown, sender: Sender) => answer(name, data, sender)])) as Handlers;
}
