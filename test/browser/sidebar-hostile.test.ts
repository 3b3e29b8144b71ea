import type { Dialog } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { connectThroughOptions } from './support/options-page';
import { hostSidebar } from './support/sidebar-host';

/** Markup and script in every text field the CRM hands back; each would set `pwned` if it ran. */
const XSS = [
  '<img src=x onerror="window.pwned=1;alert(1)">',
  '<script>window.pwned=2;alert(2)</script>',
  '"><svg onload="window.pwned=3;alert(3)">',
  'javascript:window.pwned=4;alert(4)',
].join(' ');

let crm: RunningCrm;
let ext: LaunchedExtension;

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${crm.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await connectThroughOptions(ext, crm.url, crm.token);
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

it('shows HTML and script from the CRM and from the mail page as literal text, and runs none of it', async () => {
  const { contact, account } = await post<{ contact: { id: string }; account: { id: string } }>('/v1/contacts', {
    name: `Eve ${XSS}`, emails: ['eve@hostile-xss.example'], role: XSS, phone: '<b onmouseover=alert(5)>1</b>',
    newAccount: { name: `Acme ${XSS}`, domains: ['hostile-xss.example'] },
  });
  await post('/v1/interactions', {
    accountId: account.id, kind: 'complaint', direction: 'inbound', summary: XSS, contactIds: [contact.id], threadId: XSS,
    commitments: [{ text: `Promise ${XSS}`, dueDate: '2020-01-01' }],
  });
  await post('/v1/commitments', { accountId: account.id, contactId: contact.id, text: XSS, dueDate: null });

  const page = await hostSidebar(ext, {
    site: 'outlook', threadId: XSS.slice(0, 300), subject: XSS, sentAt: null,
    participants: [{ name: XSS, email: 'eve@hostile-xss.example' }, { name: XSS, email: 'mallory@hostile-xss.example' }],
    nameOnly: [{ name: `Eve ${XSS}` }, { name: XSS }],
  });
  const dialogs: string[] = [];
  page.page.on('dialog', (dialog: Dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
  await page.getByTestId('timeline-item').first().waitFor({ timeout: 20_000 });
  // Both names shown by the page are words of Eve's name, so both are "probably" her.
  await expect.poll(() => page.getByTestId('participants').getByText(`probably Eve ${XSS}`, { exact: false }).count(), { timeout: 20_000 }).toBe(2);

  expect(await page.getByTestId('contact-name').innerText()).toBe(`Eve ${XSS}`);
  expect(await page.getByTestId('account-name').innerText()).toBe(`Acme ${XSS}`);
  expect(await page.locator('.contact-role').innerText()).toBe(XSS);
  expect(await page.getByTestId('timeline-item').first().locator('.event-summary').innerText()).toBe(XSS);
  const commitments = await page.getByTestId('commitment').locator('.commitment-text').allInnerTexts();
  expect(commitments.map((text) => text.replace(/^⚠ /, '')).sort()).toEqual([`Promise ${XSS}`, XSS].sort());
  expect(await page.getByTestId('participants').innerText()).toContain(XSS);

  // Nothing was turned into elements or ran.
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { pwned?: number }).pwned ?? null,
    markup: document.querySelectorAll('img, svg, iframe, object, embed').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href')?.trim().toLowerCase().startsWith('javascript:')).length,
  }));
  expect(found).toEqual({ pwned: null, markup: 0, handlers: 0, inlineScripts: 0, scriptLinks: 0 });
  expect(dialogs).toEqual([]);
  await page.close();
});
