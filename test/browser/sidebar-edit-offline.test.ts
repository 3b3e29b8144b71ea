import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction, LookupMatch } from '../../lib/api';
import { DEMO_ADDRESSES, DEMO_MAIN_USER } from '../../server/seed/demo';
import { crmApi } from './support/crm-api';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { connectThroughOptions } from './support/options-page';
import { hostSidebar } from './support/sidebar-host';

let crm: RunningCrm;
let proxy: FaultProxy;
let ext: LaunchedExtension;

const api = <T>(path: string, init: { method?: string; body?: unknown } = {}) => crmApi<T>(crm, path, init);

beforeAll(async () => {
  crm = await startCrmServer();
  // The extension reaches the CRM through a proxy that can refuse every connection.
  proxy = await startFaultProxy(crm.url);
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await connectThroughOptions(ext, proxy.url, crm.token);
});

afterAll(async () => {
  await ext?.close();
  await proxy?.stop();
  await crm?.stop();
});

describe('sidebar while the CRM is away', () => {
  it('says it shows cached data as soon as the background finds the CRM unreachable, before any save; a complaint written then arrives once', async () => {
    proxy.setFaults(() => 'pass');
    const thread = (id: string) => ({ site: 'gmail' as const, threadId: id, subject: 'Rhythm', participants: [{ name: '', email: DEMO_ADDRESSES.watch }] });
    const page = await hostSidebar(ext, thread('offline-1'));
    await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    await page.getByTestId('timeline-item').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('offline').count()).toBe(0);

    proxy.setFaults(() => 'refuse');
    // A read the cache can't answer (another filter of the history) is what finds the CRM gone.
    await page.getByLabel('Show').selectOption('problems');
    const banner = page.getByTestId('offline');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.innerText()).toMatch(/\d{1,2}:\d{2}/); // from what time the data is

    // Written offline: kept, shown pending, sent once when the CRM is back.
    const text = `Offline complaint ${Date.now()}`;
    await page.getByRole('radio', { name: 'Complaint' }).check();
    expect(await page.getByRole('radio', { name: 'From the client', exact: true }).isChecked()).toBe(true);
    await page.getByLabel('What happened').fill(text);
    await page.getByRole('button', { name: 'Save note' }).click();
    const status = page.getByTestId('write-status').filter({ hasText: text });
    expect(await status.getAttribute('data-state')).toBe('pending');

    proxy.setFaults(() => 'pass');
    const other = await hostSidebar(ext, thread('offline-2'));
    await other.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="write-status"][data-state="saved"]').waitFor({ timeout: 60_000 });
    const match = (await api<{ results: LookupMatch[] }>('/v1/lookup', { method: 'POST', body: { emails: [DEMO_ADDRESSES.watch] } })).results[0];
    if (!match || match.match === 'unknown') throw new Error('the demo contact is not known');
    const items = (await api<{ items: Interaction[] }>(`/v1/accounts/${match.account.id}/timeline?limit=100`)).items;
    expect(items.filter((i) => i.summary === text)).toEqual([expect.objectContaining({ kind: 'complaint', direction: 'inbound' })]);
    await other.getByTestId('offline').waitFor({ state: 'detached', timeout: 20_000 });
    // Confirmed, it joins the history (still filtered to problems), saying who of us logged it.
    const entry = page.getByTestId('timeline-item').filter({ hasText: text });
    await entry.waitFor({ timeout: 20_000 });
    expect(await entry.getByTestId('logged-by').innerText()).toBe(`logged by ${DEMO_MAIN_USER.name}`);
    await other.close();
    await page.close();
  });
});
