import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupMatch } from '../../lib/api';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { crmApi } from './support/crm-api';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { configureForMail, fixturePage, openGmail } from './support/mail-pages';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx';
const FRAME = 'iframe[data-crm-overlay="sidebar"]';

let crm: RunningCrm;
let ext: LaunchedExtension;
/** A client new to the CRM, with nothing against it yet, and its two people. */
const stamp = Date.now();
const client = { name: `Lestari Foods ${stamp}`, domain: `lestari-foods-${stamp}.example` };
const people = [`sari@${client.domain}`, `yusuf@${client.domain}`];

const api = <T>(path: string, body: unknown) => crmApi<T>(crm, path, { method: 'POST', body });
const lookUp = async (email: string) => (await api<{ results: LookupMatch[] }>('/v1/lookup', { emails: [email] })).results[0];

async function sidebarFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator(FRAME).elementHandle({ timeout: 30_000 }))?.contentFrame();
  if (!frame) throw new Error('the sidebar iframe has no frame');
  return frame;
}

beforeAll(async () => {
  crm = await startCrmServer();
  const created = await api<{ contact: { accountId: string } }>('/v1/contacts', {
    name: 'Sari Wulandari', emails: [people[0]], newAccount: { name: client.name, domains: [client.domain] },
  });
  await api('/v1/contacts', { name: 'Yusuf Hakim', emails: [people[1]], accountId: created.contact.accountId });
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await configureForMail(ext, crm.url, crm.token);
  // The five-message thread, its two clients' people replaced by the new client's.
  await ext.context.route(/^https:\/\/([a-z0-9-]+\.)*google\.com\//, async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== 'mail.google.com' || route.request().resourceType() !== 'document') return route.abort();
    const html = (await fixturePage('thread-five-messages.html'))
      .replaceAll(DEMO_ADDRESSES.atRisk, people[0] as string)
      .replaceAll(DEMO_ADDRESSES.healthy, people[1] as string);
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

describe('a complaint written in the quick note', () => {
  it('makes the client a risk in the sidebar and in the banner above the message once the CRM has it', async () => {
    expect(await lookUp(people[0] as string)).toMatchObject({ match: 'contact', account: { risk: { level: 'ok' } } });
    const page = await openGmail(ext.context, THREAD_URL);
    const frame = await sidebarFrame(page);
    await frame.getByTestId('account-name').filter({ hasText: client.name }).first().waitFor({ timeout: 30_000 });
    expect(await frame.locator('#risk').count()).toBe(0);
    expect(await page.locator('[data-crm-overlay="banner"]').count()).toBe(0);

    // Two complaints from the client and nothing else: "mostly problems".
    for (const text of ['Deliveries late again this week', 'Invoice charged twice']) {
      await frame.getByRole('radio', { name: 'Complaint' }).check();
      await frame.getByLabel('What happened').fill(text);
      await frame.getByRole('button', { name: 'Save note' }).click();
      await frame.locator('[data-testid="write-status"][data-state="saved"]').filter({ hasText: text }).waitFor({ timeout: 30_000 });
    }
    const match = await lookUp(people[0] as string);
    if (match?.match !== 'contact') throw new Error('the new client is no longer known');
    expect(match.account.risk.reasons.map((r) => r.code)).toContain('only-problems');

    const risk = frame.locator('#risk');
    await risk.waitFor({ timeout: 30_000 });
    expect(await risk.getAttribute('data-risk')).toBe(match.account.risk.level);
    expect(await risk.locator('[data-reason="only-problems"]').count()).toBe(1);

    const banner = page.locator('[data-crm-overlay="banner"]');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.getAttribute('data-risk')).toBe(match.account.risk.level);
    expect(await banner.locator('.text').innerText()).toContain(client.name);
    await page.close();
  });
});
