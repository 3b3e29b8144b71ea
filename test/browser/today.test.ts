import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttentionPage, Commitment } from '../../lib/api';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { crmApi } from './support/crm-api';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { configureForMail, openGmail, routeGmail } from './support/mail-pages';
import { screenshotPath } from './support/screenshots';
import { hostSidebar } from './support/sidebar-host';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx';
const FRAME = 'iframe[data-crm-overlay="sidebar"]';

let crm: RunningCrm;
let ext: LaunchedExtension;

const api = <T>(path: string) => crmApi<T>(crm, path);
const attention = () => api<AttentionPage>('/v1/attention?owner=me&limit=50');
const commitmentsOf = async (accountId: string) => (await api<{ items: Commitment[] }>(`/v1/accounts/${accountId}/commitments?status=all`)).items;
/** The toolbar badge's text, as the worker set it. */
const badgeText = () => ext.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));

/** The local day `offset` days from today, as YYYY-MM-DD. */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function openPopup(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 440, height: 1400 });
  await page.goto(ext.url('/popup.html'));
  await page.getByTestId('today').waitFor({ timeout: 30_000 });
  return page;
}

beforeAll(async () => {
  crm = await startCrmServer();
  // A second overdue promise of mine, made before the extension first asks, so that one is left
  // to snooze once another has been marked done.
  const account = (await attention()).atRisk?.items[0]?.account;
  if (!account) throw new Error('the demo data has no client at risk of mine');
  const made = await fetch(`${crm.url}/v1/commitments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${crm.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ accountId: account.id, text: 'Send the revised price list', dueDate: day(-1) }),
  });
  if (!made.ok) throw new Error(`creating a promise: ${made.status} ${await made.text()}`);
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await configureForMail(ext, crm.url, crm.token);
  await routeGmail(ext.context, 'thread-five-messages.html');
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

describe('Today', () => {
  it('lists my overdue promises and my drifting clients, each with why', async () => {
    const expected = await attention();
    const overdue = (expected.commitments?.items ?? []).filter((c) => c.daysOverdue > 0);
    const risky = expected.atRisk?.items ?? [];
    expect(overdue.length).toBeGreaterThan(0);
    expect(risky.length).toBeGreaterThan(0);
    const page = await openPopup();
    const rows = page.getByTestId('today-commitment');
    await rows.first().waitFor();
    for (const c of overdue) {
      const row = rows.filter({ hasText: c.commitment.text }).first();
      expect(await row.innerText()).toContain(c.account.name);
      expect(await row.innerText()).toContain(`overdue by ${c.daysOverdue} day`);
    }
    for (const r of risky) {
      const row = page.getByTestId('today-risk').filter({ hasText: r.account.name }).first();
      expect(await row.getAttribute('data-level')).toBe(r.level);
      // One line of reasons, worded by the risk rules, with their numbers.
      const line = await row.locator('.today-line').innerText();
      expect(line.trim()).not.toBe('');
      for (const reason of r.reasons) {
        if (reason.code === 'silence') expect(line).toContain(`${reason.days} day`);
        if (reason.code === 'overdue-commitments') expect(line).toContain(`${reason.oldestDaysOverdue} day`);
        if (reason.code === 'competitor-mentioned') expect(line).toContain(reason.competitor);
      }
    }
    await page.locator('main.popup').screenshot({ path: await screenshotPath('today.png') });
    await page.close();
  });

  it('marks a promise done: the list, the toolbar badge and an open sidebar follow', async () => {
    const expected = await attention();
    const target = (expected.commitments?.items ?? []).find((c) => c.daysOverdue > 0);
    if (!target) throw new Error('the demo data has no overdue commitment of mine');
    const overdueBefore = (expected.commitments?.items ?? []).filter((c) => c.daysOverdue > 0).length;
    await expect.poll(badgeText, { timeout: 30_000 }).toBe(String(overdueBefore));

    // A sidebar showing that client's promises, open meanwhile.
    const contact = (await api<{ contacts: { emails: string[] }[] }>(`/v1/accounts/${target.account.id}`)).contacts[0];
    const sidebar = contact
      ? await hostSidebar(ext, { site: 'gmail', threadId: `t-${Date.now()}`, subject: 'Follow-up', participants: [{ name: '', email: contact.emails[0] ?? '' }] })
      : null;
    const inSidebar = sidebar?.getByTestId('commitment').filter({ hasText: target.commitment.text });
    if (inSidebar) await inSidebar.first().waitFor({ timeout: 30_000 });

    const page = await openPopup();
    const row = page.getByTestId('today-commitment').filter({ hasText: target.commitment.text }).first();
    await row.getByRole('button', { name: `Mark done: "${target.commitment.text}"` }).click();
    expect(await row.getAttribute('data-status')).toBe('done');
    await expect.poll(async () => (await commitmentsOf(target.account.id)).find((c) => c.id === target.commitment.id)?.status, { timeout: 30_000 }).toBe('done');
    await expect.poll(() => page.getByTestId('today-commitment').filter({ hasText: target.commitment.text }).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(badgeText, { timeout: 30_000 }).toBe(overdueBefore - 1 === 0 ? '' : String(overdueBefore - 1));
    if (inSidebar) await expect.poll(() => inSidebar.count(), { timeout: 30_000 }).toBe(0);
    await page.close();
    await sidebar?.close();
  });

  it('snoozes a promise to a later day: a day before today is refused in words and nothing is sent, then the CRM has the new date', async () => {
    const expected = await attention();
    // The first overdue promise of mine still open (the one above is done; beforeAll made a second).
    const target = (expected.commitments?.items ?? []).find((c) => c.daysOverdue > 0);
    if (!target) throw new Error('no overdue promise of mine is left');
    const overdueBefore = (expected.commitments?.items ?? []).filter((c) => c.daysOverdue > 0).length;
    await expect.poll(badgeText, { timeout: 30_000 }).toBe(String(overdueBefore));

    const page = await openPopup();
    const row = page.getByTestId('today-commitment').filter({ hasText: target.commitment.text }).first();
    await row.getByRole('button', { name: `Snooze "${target.commitment.text}" to a later date` }).click();
    const form = page.getByRole('form', { name: `Snooze "${target.commitment.text}" to a later date` });
    const field = form.getByRole('textbox', { name: 'New due date' });
    // It opens on tomorrow, focused, written as the chosen language writes dates.
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await field.inputValue()).not.toBe('');

    for (const [typed, problem] of [[day(-1), 'Pick a date from today on.'], ['31.31.2026', 'Enter a date such as'], ['<img src=x onerror=alert(1)>', 'Enter a date such as']] as const) {
      await field.fill(typed);
      await form.getByRole('button', { name: 'Snooze', exact: true }).click();
      await expect.poll(() => form.innerText()).toContain(problem);
      expect(await field.inputValue(), 'what was typed stays').toBe(typed);
    }
    expect((await commitmentsOf(target.account.id)).find((c) => c.id === target.commitment.id)?.dueDate).toBe(target.commitment.dueDate);

    const later = day(3);
    await field.fill(later);
    await form.getByRole('button', { name: 'Snooze', exact: true }).click();
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toContain('Snoozed to');
    await expect.poll(async () => (await commitmentsOf(target.account.id)).find((c) => c.id === target.commitment.id)?.dueDate, { timeout: 30_000 }).toBe(later);
    await expect.poll(badgeText, { timeout: 30_000 }).toBe(overdueBefore - 1 === 0 ? '' : String(overdueBefore - 1));
    await page.close();

    // Opened again, the promise is no longer among the overdue ones.
    const again = await openPopup();
    await again.getByTestId('today-commitment').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    const stillOverdue = again.getByTestId('today-commitment').filter({ hasText: target.commitment.text }).filter({ hasText: 'overdue by' });
    await expect.poll(() => stillOverdue.count(), { timeout: 30_000 }).toBe(0);
    await again.close();
  });

  it('opens a client in mail: the Gmail tab searches for its domain', async () => {
    const gmail = await openGmail(ext.context, THREAD_URL);
    await gmail.bringToFront();
    const frame = await (await gmail.locator(FRAME).elementHandle({ timeout: 30_000 }))?.contentFrame();
    if (!frame) throw new Error('no sidebar frame');
    await frame.getByRole('button', { name: 'Today: who needs me, and find a client' }).click();
    const row = frame.getByTestId('today-risk').first();
    await row.waitFor({ timeout: 30_000 });
    const name = (await row.locator('.today-main').innerText()).trim();
    const hits = await api<{ items: { id: string; domains: string[] }[] }>(`/v1/accounts?q=${encodeURIComponent(name)}`);
    const domain = hits.items[0]?.domains[0];
    if (!domain) throw new Error(`${name} has no domain in the demo data`);
    await row.getByRole('button', { name: `Open in mail: search for ${name}` }).click();
    await expect.poll(() => gmail.evaluate(() => decodeURIComponent(location.hash)), { timeout: 20_000 }).toContain(`#search/${domain}`);
    await gmail.close();
  });

  it('finds a client by name, domain and address prefix, and opens its client view', async () => {
    const page = await openPopup();
    const box = page.getByRole('combobox', { name: 'Find a client' });
    const domain = DEMO_ADDRESSES.atRisk.split('@')[1] ?? '';
    for (const typed of ['Semen', domain, DEMO_ADDRESSES.atRisk.slice(0, 8)]) {
      await box.fill(typed);
      const hit = page.getByTestId('client-hit').first();
      await hit.waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('client-hit').allInnerTexts(), typed).toEqual(expect.arrayContaining([expect.stringContaining(domain)]));
    }
    // Keyboard: ↓ moves the active option, Enter opens it.
    const options = await page.getByTestId('client-hit').count();
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(options > 1 ? 'client-hit-1' : 'client-hit-0');
    await box.press('ArrowUp');
    await box.press('Enter');
    await page.getByTestId('searched-client').waitFor({ timeout: 20_000 });
    await page.getByTestId('account-name').waitFor({ timeout: 20_000 });
    await page.close();
  });
});
