import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SidebarContextInput } from '../../lib/messaging/sidebar-context';
import { DEMO_ADDRESSES, DEMO_MAIN_USER } from '../../server/seed/demo';
import { axeViolations, describeViolations } from './support/axe';
import { EDIT_FACTS, FACTS_THREAD_URL, startFactsRig, type FactsRig } from './support/facts-rig';
import { openGmail } from './support/mail-pages';
import { hostSidebar } from './support/sidebar-host';

/**
 * A client's facts edited from the sidebar. The demo's "Балтийские Верфи Сервис" has an owner who
 * left the company and has gone quiet beyond its usual gap; "Fabrica de Mobilă Codru" has an
 * owner who left. The Gmail page with the reading pane on the right (list and open thread
 * together) is served with Balt Verf's people in the open thread and in the list.
 */
const BALT = 'morozov@baltverf-service.ru';
const CODRU = 'stefan.codreanu@mobilacodru.ro';
const FRAME = 'iframe[data-crm-overlay="sidebar"]';

let rig: FactsRig;

beforeAll(async () => {
  // The extension reaches the CRM through a proxy that can refuse every connection.
  rig = await startFactsRig((html) => html
    .replaceAll('andrei.ionescu@marinfiii.ro', BALT)
    .replaceAll('@marinfiii.ro', '@baltverf-service.ru'));
});

afterAll(async () => {
  await rig?.stop();
});

describe('editing a client\'s facts from the sidebar', () => {
  let gmail: Page;

  it('sets an owner and a rhythm: the warnings leave the sidebar, the banner and the list badge without a reload', async () => {
    const before = await rig.accountOf(BALT);
    gmail = await openGmail(rig.ext.context, FACTS_THREAD_URL);
    const sidebar = gmail.frameLocator(FRAME);
    const banner = gmail.locator('[data-crm-overlay="banner"]');
    const badges = gmail.locator(`[data-crm-overlay="badge"][data-email="${BALT}"]`);
    await banner.waitFor({ timeout: 30_000 });
    await badges.first().waitFor({ timeout: 30_000 });
    const risk = sidebar.locator('#risk');
    await risk.locator('[data-reason="no-owner"]').waitFor({ timeout: 30_000 });
    await risk.locator('[data-reason="silence"]').waitFor();
    const documentBefore = await gmail.evaluate(() => performance.timeOrigin);

    // By keyboard: the form opens on the stage the client is at, and Escape closes it unsent.
    const edit = sidebar.getByRole('button', { name: EDIT_FACTS });
    await edit.click();
    const form = sidebar.getByTestId('facts-form');
    await expect.poll(() => form.locator('input:checked').evaluate((input) => input === document.activeElement)).toBe(true);
    await gmail.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => edit.evaluate((button) => button === document.activeElement)).toBe(true);

    await edit.click();
    await form.getByLabel('Owner').selectOption({ label: `Me (${DEMO_MAIN_USER.name})` });
    await form.getByLabel('Agreed rhythm: every').fill('90');
    await form.getByRole('button', { name: 'Save' }).click();
    // Shown at once, and the header no longer says the client is late.
    await expect.poll(() => sidebar.getByTestId('owner').innerText()).toBe(DEMO_MAIN_USER.name);
    expect(await sidebar.getByTestId('last-contact').getAttribute('data-late')).toBeNull();

    // Delivered: the CRM's new risk reaches the sidebar, the banner and the list.
    await risk.waitFor({ state: 'detached', timeout: 30_000 });
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => badges.count(), { timeout: 30_000 }).toBe(0);
    expect(await gmail.evaluate(() => performance.timeOrigin)).toBe(documentBefore);
    await sidebar.locator('[data-testid="write-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
    const after = await rig.accountOf(BALT);
    expect(after).toMatchObject({ version: before.version + 1, cadenceDays: 90, owner: { email: DEMO_MAIN_USER.email } });
    expect(after.team).toEqual(before.team);
  });

  it('made while the CRM is unreachable, is shown at once, kept, and delivered exactly once when it is back', async () => {
    await gmail?.close();
    const before = await rig.accountOf(CODRU);
    const context: SidebarContextInput = {
      site: 'gmail', threadId: `codru-${Date.now()}`, subject: 'Comanda', participants: [{ name: '', email: CODRU }],
    };
    const view = await hostSidebar(rig.ext, context);
    await view.getByTestId('contact-name').waitFor({ timeout: 30_000 });
    await view.locator('#risk [data-reason="no-owner"]').waitFor({ timeout: 20_000 });
    const edit = view.getByRole('button', { name: EDIT_FACTS });
    await edit.waitFor({ timeout: 20_000 });

    rig.proxy.setFaults(() => 'refuse');
    await edit.click();
    const form = view.getByTestId('facts-form');
    await form.getByLabel('Owner').selectOption({ label: `Me (${DEMO_MAIN_USER.name})` });
    await form.getByLabel('Agreed rhythm: every').fill('6');
    await form.getByLabel('Unit of the rhythm').selectOption({ label: 'weeks' });
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    const status = view.getByTestId('facts-panel').getByTestId('write-status');
    expect(await status.getAttribute('data-state')).toBe('pending');
    expect(await status.innerText()).toContain('Owner, Agreed rhythm');
    await expect.poll(() => view.getByTestId('owner').innerText()).toBe(DEMO_MAIN_USER.name);
    expect(await view.getByTestId('last-contact').innerText()).toContain('usually every 42 days');
    // Tried, refused at the door: nothing reached the CRM.
    await expect.poll(() => rig.patches(before.id).length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(rig.patches(before.id).every((r) => r.fault === 'refuse')).toBe(true);

    rig.proxy.setFaults(() => 'pass');
    // Another view asking the CRM finds it back, as a user moving on would.
    const other = await hostSidebar(rig.ext, { ...context, threadId: `codru-other-${Date.now()}` });
    await view.locator('[data-testid="write-status"][data-state="saved"]').waitFor({ timeout: 60_000 });
    await view.locator('#risk').waitFor({ state: 'detached', timeout: 30_000 });
    const after = await rig.accountOf(CODRU);
    expect(after).toMatchObject({ version: before.version + 1, cadenceDays: 42, owner: { email: DEMO_MAIN_USER.email } });
    // One write applied once: every answer that reached the CRM is that one, or its replay.
    const reached = rig.patches(before.id).filter((r) => r.fault === 'pass');
    expect(reached.filter((r) => r.status === 200 && !r.replayed)).toHaveLength(1);
    expect(new Set(rig.patches(before.id).map((r) => r.idempotencyKey)).size).toBe(1);
    await other.close();
    await view.close();
  });

  it('when someone changed the client first, shows both versions and sends mine on theirs once kept', async () => {
    rig.proxy.setFaults(() => 'pass');
    const before = await rig.accountOf(DEMO_ADDRESSES.healthy);
    const view = await hostSidebar(rig.ext, {
      site: 'gmail', threadId: `healthy-${Date.now()}`, subject: 'Renewal', participants: [{ name: '', email: DEMO_ADDRESSES.healthy }],
    });
    const edit = view.getByRole('button', { name: EDIT_FACTS });
    await edit.waitFor({ timeout: 30_000 });
    // A colleague agrees another rhythm; this sidebar still shows the version before.
    await rig.api(`/v1/accounts/${before.id}`, { method: 'PATCH', body: { version: before.version, cadenceDays: 20 } });
    await edit.click();
    const form = view.getByTestId('facts-form');
    await form.getByLabel('Agreed rhythm: every').fill('10');
    await form.getByRole('button', { name: 'Save' }).click();

    const conflict = view.getByTestId('account-conflict');
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.getByTestId('conflict-mine').innerText()).toBe('Yours: 10 days');
    expect(await conflict.getByTestId('conflict-theirs').innerText()).toBe('In the CRM now: 20 days');
    // Until one is chosen the header shows the CRM's.
    await expect.poll(() => view.getByTestId('last-contact').innerText()).toContain('usually every 20 days');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await conflict.waitFor({ state: 'detached' });
    await view.getByTestId('facts-panel').locator('[data-testid="write-status"][data-state="saved"]').waitFor({ timeout: 30_000 });
    expect(await rig.accountOf(DEMO_ADDRESSES.healthy)).toMatchObject({ version: before.version + 2, cadenceDays: 10 });
    await expect.poll(() => view.getByTestId('last-contact').innerText(), { timeout: 20_000 }).toContain('usually every 10 days');
    await view.close();
  });

  it('edits how they like to work in place, shown at once and sent; every control of both forms is labelled', async () => {
    rig.proxy.setFaults(() => 'pass');
    const before = await rig.accountOf(DEMO_ADDRESSES.watch);
    const view = await hostSidebar(rig.ext, {
      site: 'gmail', threadId: `prefs-${Date.now()}`, subject: 'Tariffs', participants: [{ name: '', email: DEMO_ADDRESSES.watch }],
    }, { width: 380, height: 900 });
    const card = view.getByTestId('preferences');
    const editPrefs = card.getByRole('button', { name: 'Edit how they like to work' });
    await editPrefs.waitFor({ timeout: 30_000 });
    await editPrefs.click();
    const form = view.getByTestId('prefs-form');
    await expect.poll(() => form.getByLabel('Preferred channel').evaluate((input) => input === document.activeElement)).toBe(true);
    const prefsViolations = await axeViolations(view.frame, '[data-testid="preferences"]');
    expect(prefsViolations, describeViolations(prefsViolations)).toEqual([]);
    await form.getByLabel('Payment terms').fill('Net 45');
    await form.getByLabel('Special terms agreed').fill('Free delivery over 10 pallets');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await card.innerText()).toContain('Net 45');
    await expect.poll(() => editPrefs.evaluate((button) => button === document.activeElement)).toBe(true);
    await card.locator('[data-testid="write-status"][data-state="saved"]').waitFor({ timeout: 30_000 });
    const after = await rig.accountOf(DEMO_ADDRESSES.watch);
    expect(after).toMatchObject({
      version: before.version + 1, preferences: { ...before.preferences, paymentTerms: 'Net 45' }, specialTerms: 'Free delivery over 10 pallets',
    });

    await view.getByRole('button', { name: EDIT_FACTS }).click();
    await view.getByTestId('facts-form').waitFor();
    const factsViolations = await axeViolations(view.frame, '[data-testid="facts-panel"]');
    expect(factsViolations, describeViolations(factsViolations)).toEqual([]);
    await view.close();
  });
});
