import type { Page } from 'playwright-core';
import { DEMO_ADDRESSES } from '../../../server/seed/demo';
import { startRestartableCrm, type RestartableCrm } from './crm-process';
import { createExtensionProfile, type ExtensionProfile, type OpenBrowser } from './extension-profile';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

type Result<T> = { ok: true; value: T } | { ok: false; problem: { kind: string; message?: string; path?: string } };
type ExtensionGlobal = { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } };

export interface OutboxItemView {
  key: string;
  state: 'pending' | 'sending' | 'failed';
  excerpt: string;
  attempts: number;
  recordId?: string | null;
  problem: { kind: string; message?: string; status?: number } | null;
  write?: { type: string; body: Record<string, unknown> };
}
export interface OutboxView { pending: number; failed: number; items: OutboxItemView[] }
export interface Interaction { id: string; summary: string; createdAt: string }

/** Sends one protocol message from an extension page, in the channel's wire format (lib/messaging/channel.ts). */
export async function ask<T>(page: Page, type: string, data?: unknown): Promise<Result<T>> {
  const answer = await page.evaluate(
    ({ type, data }) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ id: Date.now(), type, timestamp: Date.now(), data }),
    { type, data },
  );
  return (answer as { res: Result<T> }).res;
}

/**
 * The CRM server, the fault proxy in front of it, and the extension in Chromium configured to
 * reach the CRM through the proxy: the set-up of the outbox's fault tests and benchmark.
 */
export interface OutboxRig {
  crm: RestartableCrm;
  proxy: FaultProxy;
  profile: ExtensionProfile;
  browser: OpenBrowser;
  accountId: string;
  ask: <T>(type: string, data?: unknown) => Promise<Result<T>>;
  /** Queues a note for the demo account; answers its key and client-made id. */
  note: (summary: string) => Promise<{ key: string; id: string }>;
  outbox: () => Promise<OutboxView>;
  /** Stops the extension's service worker (it starts again on the next event). */
  stopWorker: () => Promise<void>;
  /** Closes the browser and opens it again on the same profile. */
  reopen: () => Promise<void>;
  /** Every interaction of the demo account, straight from the CRM (not through the proxy). */
  interactions: () => Promise<Interaction[]>;
  dispose: () => Promise<void>;
}

export async function startOutboxRig(): Promise<OutboxRig> {
  const crm = await startRestartableCrm();
  const proxy = await startFaultProxy(crm.url);
  const profile = await createExtensionProfile(['http://127.0.0.1/*']);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${crm.url}${path}`, { ...init, headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' } });
  const lookup = (await (await api('/v1/lookup', { method: 'POST', body: JSON.stringify({ emails: [DEMO_ADDRESSES.healthy] }) })).json()) as {
    results: { account?: { id: string } }[];
  };
  const accountId = lookup.results[0]?.account?.id;
  if (!accountId) throw new Error('the demo account was not found');

  const rig: OutboxRig = {
    crm, proxy, profile, accountId,
    browser: await profile.open(),
    ask: (type, data) => ask(rig.browser.page, type, data),
    async note(summary) {
      const answer = await rig.ask<{ key: string; id: string }>('enqueueWrite', { write: { type: 'interaction', body: { accountId, kind: 'note', summary } } });
      if (!answer.ok) throw new Error(`enqueueWrite refused: ${JSON.stringify(answer.problem)}`);
      return answer.value;
    },
    async outbox() {
      const answer = await rig.ask<OutboxView>('getOutboxStatus');
      if (!answer.ok) throw new Error(`getOutboxStatus refused: ${JSON.stringify(answer.problem)}`);
      return answer.value;
    },
    async stopWorker() {
      await rig.browser.cdp.send('ServiceWorker.stopAllWorkers');
    },
    async reopen() {
      await rig.browser.context.close();
      rig.browser = await profile.open();
    },
    async interactions() {
      const all: Interaction[] = [];
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = (await (await api(`/v1/accounts/${accountId}/timeline?limit=100${query}`)).json()) as { items: Interaction[]; nextCursor: string | null };
        all.push(...page.items);
        cursor = page.nextCursor;
      }
      return all;
    },
    async dispose() {
      await profile.dispose();
      await proxy.stop();
      await crm.dispose();
    },
  };
  const saved = await rig.ask('saveSettings', { apiUrl: proxy.url, token: crm.token, companyDomains: [], neverLookUp: [] });
  if (!saved.ok) throw new Error(`saveSettings refused: ${JSON.stringify(saved.problem)}`);
  return rig;
}
