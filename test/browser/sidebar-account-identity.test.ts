import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADDRESSES, DEMO_MAIN_USER, DEMO_USERS } from '../../server/seed/demo';
import { EDIT_FACTS, FACTS_THREAD_URL, startFactsRig, type FactsRig } from './support/facts-rig';
import { openGmail } from './support/mail-pages';
import { hostSidebar } from './support/sidebar-host';

/**
 * A client's name and domains edited from the sidebar. The Gmail page with the reading pane on
 * the right is served with the at-risk client's contact in the open thread and in the list, and
 * a sender the CRM does not know, at a domain no client has yet, in the list.
 */
const AT_RISK = DEMO_ADDRESSES.atRisk;
const STRANGER = 'aziz@kapur-baru.example';
const FRAME = 'iframe[data-crm-overlay="sidebar"]';

let rig: FactsRig;

beforeAll(async () => {
  // The extension reaches the CRM through a proxy that can refuse every connection.
  rig = await startFactsRig((html) => html
    .replaceAll('andrei.ionescu@marinfiii.ro', AT_RISK)
    .replaceAll(DEMO_ADDRESSES.unknown, STRANGER));
});

afterAll(async () => {
  await rig?.stop();
});

describe("a client's name and domains edited from the sidebar", () => {
  let gmail: Page;

  it('renamed and given a domain: the header shows the name at once, and the sender at that domain gets the client\'s badge without a reload; a bad domain is named and nothing typed is lost', async () => {
    const before = await rig.accountOf(AT_RISK);
    gmail = await openGmail(rig.ext.context, FACTS_THREAD_URL);
    const sidebar = gmail.frameLocator(FRAME);
    const stranger = gmail.locator(`[data-crm-overlay="badge"][data-email="${STRANGER}"]`);
    await gmail.locator(`[data-crm-overlay="badge"][data-email="${AT_RISK}"]`).first().waitFor({ timeout: 30_000 });
    expect(await stranger.count()).toBe(0);
    const documentBefore = await gmail.evaluate(() => performance.timeOrigin);

    const edit = sidebar.getByRole('button', { name: EDIT_FACTS });
    await edit.click();
    const form = sidebar.getByTestId('facts-form');
    const name = form.getByLabel('Client name');
    const domains = form.getByLabel('Domains');
    expect(await name.inputValue()).toBe(before.name);
    expect(await domains.inputValue()).toBe(before.domains.join('\n'));
    await name.fill('  PT Semen Gunung Kapur Baru ');
    const typed = 'semengunungkapur.co.id\nKapur-Baru.example\nkapur_baru\ngmail.com\nbudi@kapur-baru.example\nbudi.kapur@yahoo.com';
    await domains.fill(typed);
    await form.getByRole('button', { name: 'Save' }).click();

    // Every bad entry named with why; what was typed stays, and nothing is queued.
    const errors = form.getByTestId('domain-errors');
    await errors.waitFor();
    expect(await errors.locator('li').allInnerTexts()).toEqual([
      '“kapur_baru” is not a domain name: write it like example.com.',
      "gmail.com is a free mail service: many unrelated people write from it, so it can't point to one client.",
      '“budi@kapur-baru.example” is an email address: write only its domain, kapur-baru.example.',
      "budi.kapur@yahoo.com is an address at yahoo.com, a free mail service: many unrelated people write from it, so it can't point to one client. Give the domain of the client's own company.",
    ]);
    expect(await domains.getAttribute('aria-invalid')).toBe('true');
    expect(await domains.inputValue()).toBe(typed);
    expect(await name.inputValue()).toBe('  PT Semen Gunung Kapur Baru ');
    expect(await form.getByLabel('Client name').getAttribute('aria-invalid')).toBeNull();
    expect(await sidebar.getByTestId('facts-panel').getByTestId('write-status').count()).toBe(0);

    // An empty name is refused too, the domains left as they are.
    await name.fill(' ');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Fill this in.').waitFor();
    expect(await domains.inputValue()).toBe(typed);

    await name.fill('  PT Semen Gunung Kapur Baru ');
    await domains.fill('semengunungkapur.co.id\nKapur-Baru.example\nkapur-baru.example');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    // At once, before the CRM has it.
    expect(await sidebar.getByTestId('account-name').innerText()).toBe('PT Semen Gunung Kapur Baru');
    const status = sidebar.getByTestId('facts-panel').getByTestId('write-status');
    expect(await status.innerText()).toContain('Client name, Domains');

    // Delivered: the stranger's address now matches the client, and the list shows its badge.
    await sidebar.getByTestId('facts-panel').locator('[data-testid="write-status"][data-state="saved"]').waitFor({ timeout: 30_000 });
    await stranger.first().waitFor({ timeout: 30_000 });
    expect(await stranger.first().getAttribute('data-risk')).toBe('at-risk');
    const after = await rig.accountOf(AT_RISK);
    expect(after).toMatchObject({ version: before.version + 1, name: 'PT Semen Gunung Kapur Baru' });
    expect([...after.domains].sort()).toEqual(['kapur-baru.example', 'semengunungkapur.co.id']);
    expect(await sidebar.getByTestId('account-name').innerText()).toBe('PT Semen Gunung Kapur Baru');

    // A domain another client has: the CRM refuses the change, and the sidebar says why in words.
    await edit.click();
    await form.getByLabel('Domains').fill('semengunungkapur.co.id\nkapur-baru.example\nsevertrans.ru');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    const panel = sidebar.getByTestId('facts-panel');
    const taken = panel.getByTestId('domain-taken');
    await taken.waitFor({ timeout: 30_000 });
    expect(await taken.innerText()).toBe('One of the domains you gave (semengunungkapur.co.id, kapur-baru.example, severtrans.ru) already belongs to another client in the CRM. Edit the domains and save again, or discard this change.');
    // The refused write's own line says why in the extension's words, not in the CRM's sentence.
    const refused = panel.locator('[data-testid="write-status"][data-state="failed"]');
    expect(await refused.innerText()).toContain('One of these domains already belongs to another client in the CRM.');
    expect(await refused.innerText()).not.toContain('already belongs to another account');
    await refused.getByRole('button', { name: 'Discard' }).click();
    await taken.waitFor({ state: 'detached' });
    expect([...(await rig.accountOf(AT_RISK)).domains].sort()).toEqual(['kapur-baru.example', 'semengunungkapur.co.id']);

    // The domain taken away again: the stranger is nobody's, and the badge goes.
    await edit.click();
    await form.getByLabel('Domains').fill('semengunungkapur.co.id');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => stranger.count(), { timeout: 30_000 }).toBe(0);
    expect((await rig.accountOf(AT_RISK)).domains).toEqual(['semengunungkapur.co.id']);
    expect(await gmail.evaluate(() => performance.timeOrigin)).toBe(documentBefore);
  });

  it('a team and name changed while the CRM is out of reach: the commitment form offers the team as edited at once, and the change is delivered once when it is back', async () => {
    const sidebar = gmail.frameLocator(FRAME);
    const commitments = sidebar.getByTestId('commitments');
    const leaving = DEMO_USERS.nurul.name;
    const owners = () => commitments.getByLabel('Owner').locator('option').allInnerTexts();

    await commitments.getByRole('button', { name: 'Add a commitment' }).click();
    await expect.poll(owners).toContain(leaving);
    expect(await owners()).toContain(`Me (${DEMO_MAIN_USER.name})`);

    rig.proxy.setFaults(() => 'refuse');
    await sidebar.getByRole('button', { name: EDIT_FACTS }).click();
    const form = sidebar.getByTestId('facts-form');
    await form.getByRole('group', { name: 'Team' }).getByLabel(leaving).uncheck();
    await form.getByLabel('Client name').fill('PT Semen Gunung Kapur');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(owners).not.toContain(leaving);
    expect(await sidebar.getByTestId('account-name').innerText()).toBe('PT Semen Gunung Kapur');
    expect(await owners()).toContain(`Me (${DEMO_MAIN_USER.name})`);
    expect(await sidebar.getByTestId('team').innerText()).not.toContain(leaving);

    // Tried, refused at the door: nothing reached the CRM.
    const { id } = await rig.accountOf(AT_RISK);
    const refused = () => rig.patches(id).filter((r) => r.fault === 'refuse');
    await expect.poll(() => refused().length, { timeout: 30_000 }).toBeGreaterThan(0);
    rig.proxy.setFaults(() => 'pass');
    const panel = sidebar.getByTestId('facts-panel');
    await expect.poll(() => panel.locator('[data-testid="write-status"]:not([data-state="saved"])').count(), { timeout: 60_000 }).toBe(0);
    const after = await rig.accountOf(AT_RISK);
    expect(after.team.map((m) => m.name)).not.toContain(leaving);
    expect(after.name).toBe('PT Semen Gunung Kapur');
    // One write, applied once: every request made for it carries its key, and one of them changed the CRM.
    const keys = new Set(refused().map((r) => r.idempotencyKey));
    expect(keys.size).toBe(1);
    const mine = rig.patches(id).filter((r) => keys.has(r.idempotencyKey));
    expect(mine.filter((r) => r.fault === 'pass' && r.status === 200 && !r.replayed)).toHaveLength(1);
    expect(await owners()).not.toContain(leaving);
    await gmail.close();
  });

  it('renamed on a version someone changed first: both names shown, in the sidebar and in the popup', async () => {
    rig.proxy.setFaults(() => 'pass');
    const before = await rig.accountOf(DEMO_ADDRESSES.watch);
    const view = await hostSidebar(rig.ext, {
      site: 'gmail', threadId: `rename-${Date.now()}`, subject: 'Tariffs', participants: [{ name: '', email: DEMO_ADDRESSES.watch }],
    });
    const edit = view.getByRole('button', { name: EDIT_FACTS });
    await edit.waitFor({ timeout: 30_000 });
    // A colleague renames the client; this sidebar still has the version before.
    await rig.api(`/v1/accounts/${before.id}`, { method: 'PATCH', body: { version: before.version, name: 'Severtrans Logistics' } });
    await edit.click();
    const form = view.getByTestId('facts-form');
    await form.getByLabel('Client name').fill('Severtrans Group');
    await form.getByRole('button', { name: 'Save' }).click();

    const conflict = view.getByTestId('account-conflict');
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.getByTestId('conflict-mine').innerText()).toBe('Yours: Severtrans Group');
    expect(await conflict.getByTestId('conflict-theirs').innerText()).toBe('In the CRM now: Severtrans Logistics');
    await expect.poll(() => view.getByTestId('account-name').innerText()).toBe('Severtrans Logistics');
    expect(rig.patches(before.id).filter((r) => r.status === 409)).toHaveLength(1);

    const popup = await rig.ext.context.newPage();
    await popup.goto(rig.ext.url('popup.html'));
    const row = popup.getByTestId('failed-write').filter({ has: popup.getByTestId('account-versions') });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getByTestId('conflict-mine').innerText()).toBe('Yours: Severtrans Group');
    expect(await row.getByTestId('conflict-theirs').innerText()).toBe('In the CRM now: Severtrans Logistics');
    expect(await row.locator('dt').allInnerTexts()).toEqual(['Client name']);
    // Theirs kept from the popup: the change goes, and the CRM keeps the colleague's name.
    await row.getByRole('button', { name: 'Keep theirs' }).click();
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    await conflict.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await rig.accountOf(DEMO_ADDRESSES.watch)).toMatchObject({ version: before.version + 1, name: 'Severtrans Logistics' });
    await popup.close();
    await view.close();
  });
});
