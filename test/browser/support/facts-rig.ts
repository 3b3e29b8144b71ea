import type { Account } from '../../../lib/api';
import { accountDetailOf, crmApi } from './crm-api';
import { startCrmServer, type RunningCrm } from './crm-server';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { launchExtension, type LaunchedExtension } from './launch-extension';
import { configureForMail, routeGmail } from './mail-pages';

/** The Gmail thread the facts tests open (list and open thread together: the reading pane on the right). */
export const FACTS_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx';
/** The client facts form's opener in the sidebar's header, by its accessible name. */
export const EDIT_FACTS = 'Edit name, domains, stage, owner, team and rhythm';

export interface FactsRig {
  crm: RunningCrm;
  /** Between the extension and the CRM: it logs every request and can refuse them. */
  proxy: FaultProxy;
  ext: LaunchedExtension;
  /** Calls the CRM directly, as the demo user. */
  api: <T>(path: string, init?: { method?: string; body?: unknown }) => Promise<T>;
  /** The account the CRM matches an address to. */
  accountOf: (email: string) => Promise<Account>;
  /** The account changes the extension sent so far. */
  patches: (accountId: string) => FaultProxy['log'];
  stop: () => Promise<void>;
}

/**
 * The CRM, a fault proxy in front of it, and the extension set up for mail through the proxy,
 * with Gmail's reading-pane page served at FACTS_THREAD_URL as `edit` rewrites it (whose people
 * are in the thread and the list).
 */
export async function startFactsRig(edit: (html: string) => string): Promise<FactsRig> {
  const crm = await startCrmServer();
  const stops: (() => Promise<unknown>)[] = [() => crm.stop()];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const proxy = await startFaultProxy(crm.url);
    stops.push(() => proxy.stop());
    const ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
    stops.push(() => ext.close());
    await configureForMail(ext, proxy.url, crm.token);
    await routeGmail(ext.context, 'reading-pane-right.html', edit);
    return {
      crm, proxy, ext, stop,
      api: (path, init = {}) => crmApi(crm, path, init),
      accountOf: async (email) => (await accountDetailOf(crm, email)).account,
      patches: (accountId) => proxy.log.filter((r) => r.method === 'PATCH' && r.path === `/v1/accounts/${accountId}`),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
