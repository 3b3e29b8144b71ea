import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupMatch } from '../../lib/api';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { connectThroughOptions } from './support/options-page';
import { hostSidebar, type SidebarView } from './support/sidebar-host';

let crm: RunningCrm;
let ext: LaunchedExtension;
/** A demo client of good standing and one of its people. */
let client: { id: string; name: string; person: string };

async function lookUp(email: string): Promise<LookupMatch | undefined> {
  const response = await fetch(`${crm.url}/v1/lookup`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ emails: [email] }),
  });
  return ((await response.json()) as { results: LookupMatch[] }).results[0];
}

const open = (name: string, email: string): Promise<SidebarView> =>
  hostSidebar(ext, { site: 'gmail', threadId: `attach-${Math.random().toString(36).slice(2)}`, subject: 'Hello', participants: [{ name, email }] });

/** Opens the add-contact form for an unknown sender and finds `typed` in the account box with the keyboard. */
async function pickAccount(page: SidebarView, typed: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Add contact' }).click({ timeout: 20_000 });
  const box = page.getByRole('combobox', { name: 'Existing account (optional)' });
  await box.fill(typed);
  const hit = page.getByRole('option', { name: new RegExp(`^${name}`) });
  await hit.waitFor({ timeout: 20_000 });
  expect(await box.getAttribute('aria-expanded')).toBe('true');
  // ↓ wraps round to the first result again when there is one only; the active one is announced.
  const count = await page.getByRole('option').count();
  for (let i = 0; i < count; i++) {
    if ((await hit.getAttribute('aria-selected')) === 'true') break;
    await box.press('ArrowDown');
  }
  expect(await box.getAttribute('aria-activedescendant')).toBe(await hit.getAttribute('id'));
  await box.press('Enter');
}

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await connectThroughOptions(ext, crm.url, crm.token);
  const match = await lookUp(DEMO_ADDRESSES.healthy);
  if (!match || match.match !== 'contact') throw new Error('the demo contact is not known');
  client = { id: match.account.id, name: match.account.name, person: match.contact.name };
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

describe('adding an unknown sender to an existing account', () => {
  it('finds the account by a word of its name with the keyboard, and the sidebar then shows the sender at that client', async () => {
    const email = `rina.hartati@rina-${Date.now()}.example`;
    const page = await open('Rina Hartati', email);
    await pickAccount(page, client.name.split(' ').at(-1) ?? client.name, client.name);
    expect(await page.getByTestId('chosen-account').innerText()).toBe(`Joins the account ${client.name}.`);
    // The new account's name is no longer asked for, and the choice can be taken back.
    expect(await page.getByLabel('Company (a new account)').count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'Choose another account' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('radio', { name: 'Someone new at this account' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('radio', { name: 'Someone new at this account' }).isChecked()).toBe(true);
    await page.getByLabel('Role (optional)').fill('Treasury');
    await page.getByRole('button', { name: 'Save contact' }).click();

    await page.getByTestId('contact-name').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('contact-name').innerText()).toBe('Rina Hartati');
    expect(await page.getByTestId('account-name').innerText()).toBe(client.name);
    expect(await lookUp(email)).toMatchObject({ match: 'contact', contact: { name: 'Rina Hartati', role: 'Treasury' }, account: { id: client.id } });
    await page.close();
  });

  it('Escape clears the box, "Choose another account" goes back to a new account, and nothing is created until Save', async () => {
    const email = `someone@elsewhere-${Date.now()}.example`;
    const page = await open('', email);
    await pickAccount(page, client.name.slice(0, 4), client.name);
    await page.getByRole('button', { name: 'Choose another account' }).click();
    const box = page.getByRole('combobox', { name: 'Existing account (optional)' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('zzzz-no-such-account');
    await page.getByText('No account matches "zzzz-no-such-account".').waitFor({ timeout: 20_000 });
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    expect(await page.getByLabel('Company (a new account)').inputValue()).toMatch(/^Elsewhere/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await lookUp(email))?.match).toBe('unknown');
    await page.close();
  });

  it('adds the address to a person the account has already, instead of a second contact', async () => {
    const email = `budi.private.${Date.now()}@gmail.com`;
    const page = await open('Budi', email);
    await pickAccount(page, client.name, client.name);
    await page.getByRole('radio', { name: `${client.person} (this address is added)` }).check({ timeout: 20_000 });
    expect(await page.getByLabel('Name', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByTestId('contact-name').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('contact-name').innerText()).toBe(client.person);
    const match = await lookUp(email);
    expect(match).toMatchObject({ match: 'contact', contact: { name: client.person }, account: { id: client.id } });
    // The same contact as before, now under both addresses: no second one was made.
    const before = await lookUp(DEMO_ADDRESSES.healthy);
    expect(match?.match === 'contact' && before?.match === 'contact' && match.contact.id === before.contact.id).toBe(true);
    await page.close();
  });
});
