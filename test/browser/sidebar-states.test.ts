import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupMatch } from '../../lib/api';
import type { SidebarContextInput } from '../../lib/messaging/sidebar-context';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { fillConnection, openOptions } from './support/options-page';
import { hostSidebar, type SidebarView } from './support/sidebar-host';

type Mode = 'pass' | 'slow' | 'error' | 'refuse-notes' | 'refuse-commitments' | 'down';

/**
 * A CRM in front of the real one that can pass requests on (at once or slowly), answer 503,
 * refuse new interactions or commitments with a validation error, or drop every connection.
 */
async function startSwitchableCrm(target: string): Promise<{ url: string; set: (mode: Mode) => void; stop: () => Promise<void> }> {
  let mode: Mode = 'pass';
  const server: Server = createServer((request, response) => {
    if (mode === 'down') return void request.socket.destroy();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      if (mode === 'slow') await new Promise((done) => setTimeout(done, 800));
      const refused = (mode === 'refuse-notes' && request.url === '/v1/interactions') || (mode === 'refuse-commitments' && request.url === '/v1/commitments');
      if (refused && request.method === 'POST') {
        response.writeHead(400, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        return void response.end(JSON.stringify({ error: { code: 'validation', message: 'notes are closed for the audit', field: 'body.summary' } }));
      }
      if (mode === 'error') {
        response.writeHead(503, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        return void response.end(JSON.stringify({ error: { code: 'unavailable', message: 'down for maintenance' } }));
      }
      try {
        const headers = Object.fromEntries(Object.entries(request.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host'));
        const answer = await fetch(`${target}${request.url ?? '/'}`, { method: request.method ?? 'GET', headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined });
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
      } catch {
        response.writeHead(502).end();
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set: (next) => void (mode = next),
    stop: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

let crm: RunningCrm;
let proxy: Awaited<ReturnType<typeof startSwitchableCrm>>;
let ext: LaunchedExtension;

const lookUp = async (email: string): Promise<LookupMatch | undefined> => {
  const response = await fetch(`${crm.url}/v1/lookup`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ emails: [email] }),
  });
  return ((await response.json()) as { results: LookupMatch[] }).results[0];
};

const thread = (participants: SidebarContextInput['participants']): SidebarContextInput =>
  ({ site: 'gmail', threadId: `t-${participants.map((p) => p.email).join('-')}`, subject: 'Hello', participants });

/** The sidebar as a mail page hosts it, handed `context` as its content script would. */
const open = (context: SidebarContextInput | null): Promise<SidebarView> => hostSidebar(ext, context);

beforeAll(async () => {
  crm = await startCrmServer();
  proxy = await startSwitchableCrm(crm.url);
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
});

afterAll(async () => {
  await ext?.close();
  await proxy?.stop();
  await crm?.stop();
});

describe('before the CRM is set up, and without a thread', () => {
  it('says the CRM is not set up, with a link to the settings', async () => {
    const page = await open(thread([{ name: '', email: DEMO_ADDRESSES.healthy }]));
    await page.locator('[data-problem="not-configured"]').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('link', { name: 'Open settings' }).count()).toBe(1);
    await page.close();
  });

  it.each<[string, unknown]>([
    ['a context that is not an object', '{not-json'],
    ['a context missing its fields', { site: 'gmail' }],
  ])('says the layout was not recognised for %s', async (_, context) => {
    const page = await open(null);
    await page.send({ type: 'crm:context', context });
    const notice = page.getByTestId('layout-unrecognised');
    await notice.waitFor();
    expect(await notice.getByRole('heading').innerText()).toBe("This mail page's layout was not recognised");
    await page.close();
  });

  it('draws nothing when put away beside the list (no thread open), then shows the next thread', async () => {
    const page = await open(null);
    await page.send({ type: 'crm:park' });
    await page.getByTestId('sidebar-parked').waitFor({ state: 'attached' });
    expect(await page.locator('main').innerText()).toBe('');
    expect(await page.getByText("Open an email to see the client's context here.").count()).toBe(0);
    await page.send({ type: 'crm:context', context: thread([]) });
    await page.getByTestId('no-participants').waitFor();
    await page.close();
  });

  it('says when nobody outside the company is in the thread', async () => {
    const page = await open(thread([]));
    await page.getByTestId('no-participants').waitFor();
    await page.close();
  });

  it('lists people shown by name only, and says there is no address to look up', async () => {
    const page = await open({ ...thread([]), site: 'outlook', nameOnly: [{ name: 'Olga Kuznetsova' }] });
    expect(await page.getByTestId('no-participants').innerText()).toContain('by name only');
    expect(await page.getByTestId('participants').locator('li[data-match="name-only"]').innerText()).toContain('Olga Kuznetsova');
    await page.close();
  });
});

describe('with the CRM', () => {
  beforeAll(async () => {
    const options = await openOptions(ext);
    await fillConnection(options, proxy.url, crm.token);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await options.close();
  });

  it('shows a CRM error with a retry that works once the CRM is back', async () => {
    proxy.set('error');
    const page = await open(thread([{ name: '', email: DEMO_ADDRESSES.healthy }]));
    const problem = page.locator('[data-problem="server"]');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.innerText()).toContain('down for maintenance');
    proxy.set('pass');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('keeps the client’s header where the skeleton drew it, so nothing jumps', async () => {
    proxy.set('slow');
    const page = await open(thread([{ name: 'Tan Mei Ling', email: 'meiling.tan@getahperak.com.my' }, { name: '', email: DEMO_ADDRESSES.unknown }]));
    const box = () => page.locator('.card').evaluateAll((cards) => cards.map((c) => {
      const r = c.getBoundingClientRect();
      return [r.top, r.left, r.width, r.height];
    }));
    await page.locator('[aria-busy="true"]').waitFor();
    expect(await page.getByRole('status').innerText()).toBe('Loading client context…');
    const loading = await box();
    await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    expect(await box()).toEqual(loading);
    proxy.set('pass');
    await page.close();
  });

  it('keeps showing the last known data when the CRM goes away, and keeps new notes to send later', async () => {
    proxy.set('pass');
    const page = await open(thread([{ name: '', email: DEMO_ADDRESSES.watch }]));
    await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    await page.getByTestId('timeline-item').first().waitFor({ timeout: 20_000 });
    proxy.set('down');
    await page.getByLabel('What happened').fill('Written while the CRM was away');
    await page.getByRole('button', { name: 'Save note' }).click();
    const banner = page.getByTestId('offline');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.innerText()).toContain('You are seeing the last known data');
    expect(await page.getByTestId('write-status').getAttribute('data-state')).toBe('pending');
    expect(await page.getByTestId('contact-name').isVisible()).toBe(true);
    // Another thread of the same client still opens from what the extension keeps.
    const again = await open(thread([{ name: '', email: DEMO_ADDRESSES.watch }]));
    await again.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    await again.getByTestId('offline').waitFor({ timeout: 20_000 });
    await again.close();
    // Back: the first answer from the CRM sends what waited, and the note says it is saved.
    proxy.set('pass');
    const other = await open(thread([{ name: '', email: DEMO_ADDRESSES.atRisk }]));
    await other.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="write-status"][data-state="saved"]').waitFor({ timeout: 30_000 });
    await other.getByTestId('offline').waitFor({ state: 'detached', timeout: 20_000 });
    await other.close();
    await page.close();
  });

  it('says why the CRM refused a note, and sends it again on request, once', async () => {
    proxy.set('refuse-notes');
    const page = await open(thread([{ name: '', email: DEMO_ADDRESSES.healthy }]));
    const text = `Refused at first ${Date.now()}`;
    await page.getByLabel('What happened').fill(text);
    await page.getByRole('button', { name: 'Save note' }).click();
    const status = page.getByTestId('write-status').filter({ hasText: text });
    await status.and(page.locator('[data-state="failed"]')).waitFor({ timeout: 20_000 });
    expect(await status.innerText()).toContain('notes are closed for the audit');
    proxy.set('pass');
    await status.getByRole('button', { name: 'Try again' }).click();
    await status.and(page.locator('[data-state="saved"]')).waitFor({ timeout: 20_000 });
    const match = await lookUp(DEMO_ADDRESSES.healthy);
    const accountId = match?.match === 'contact' ? match.account.id : 'none';
    const response = await fetch(`${crm.url}/v1/accounts/${accountId}/timeline?limit=100`, { headers: { Authorization: `Bearer ${crm.token}` } });
    const items = ((await response.json()) as { items: { summary: string }[] }).items;
    expect(items.filter((i) => i.summary === text).length).toBe(1);
    await page.close();
  });

  it('says a refused note was discarded when it was discarded from the popup, never that it was saved', async () => {
    proxy.set('refuse-notes');
    const page = await open(thread([{ name: '', email: DEMO_ADDRESSES.healthy }]));
    const text = `Refused, then discarded ${Date.now()}`;
    await page.getByLabel('What happened').fill(text);
    await page.getByRole('button', { name: 'Save note' }).click();
    const status = page.getByTestId('write-status').filter({ hasText: text });
    await status.and(page.locator('[data-state="failed"]')).waitFor({ timeout: 20_000 });
    const popup = await ext.context.newPage();
    await popup.goto(ext.url('popup.html'));
    await popup.getByTestId('failed-write').filter({ hasText: text }).getByRole('button', { name: 'Discard' }).click();
    await status.and(page.locator('[data-state="discarded"]')).waitFor({ timeout: 20_000 });
    expect(await status.innerText()).toContain('discarded, not sent to the CRM');
    proxy.set('pass');
    await popup.close();
    await page.close();
  });

  it('stops listing an added commitment the CRM refused once it is discarded from the popup', async () => {
    proxy.set('refuse-commitments');
    const page = await open(thread([{ name: '', email: DEMO_ADDRESSES.healthy }]));
    const text = `Promise refused, then discarded ${Date.now()}`;
    await page.getByRole('button', { name: 'Add a commitment' }).click({ timeout: 20_000 });
    await page.getByLabel('What we promised').fill(text);
    await page.getByRole('button', { name: 'Save commitment' }).click();
    const row = page.getByTestId('commitment').filter({ hasText: text });
    await row.waitFor({ timeout: 20_000 });
    const status = page.getByTestId('commitments').getByTestId('write-status').filter({ hasText: text });
    await status.and(page.locator('[data-state="failed"]')).waitFor({ timeout: 20_000 });
    const popup = await ext.context.newPage();
    await popup.goto(ext.url('popup.html'));
    await popup.getByTestId('failed-write').filter({ hasText: text }).getByRole('button', { name: 'Discard' }).click();
    await row.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await status.count()).toBe(0);
    proxy.set('pass');
    await popup.close();
    await page.close();
  });

  it('offers to add an unknown sender, prefilled from the email, and creates nothing until asked', async () => {
    proxy.set('pass');
    const email = 'rina.hartati@nowhere-trading.example';
    const page = await open(thread([{ name: 'Rina Hartati', email }]));
    await page.getByRole('heading', { name: 'Not in your CRM' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Add contact' }).click();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Rina Hartati');
    expect(await page.getByLabel('Email address').inputValue()).toBe(email);
    expect(await page.getByLabel('Company (a new account)').inputValue()).toBe('Nowhere Trading');
    expect((await lookUp(email))?.match).toBe('unknown');
    await page.getByLabel('Role (optional)').fill('Head of Purchasing');
    await page.getByRole('button', { name: 'Save contact' }).click();
    // Once the CRM has it, the sidebar looks the address up again and shows the new contact.
    await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    expect(await lookUp(email)).toMatchObject({ match: 'contact', contact: { name: 'Rina Hartati', role: 'Head of Purchasing' }, account: { name: 'Nowhere Trading' } });
    expect(await page.getByTestId('account-name').innerText()).toBe('Nowhere Trading');
    await page.close();
  });

  it('guesses no company for a free-mail sender, and refuses to save without one', async () => {
    const page = await open(thread([{ name: '', email: 'someone.new@gmail.com' }]));
    await page.getByRole('button', { name: 'Add contact' }).click({ timeout: 20_000 });
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Someone New');
    expect(await page.getByLabel('Company (a new account)').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Save contact' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('Fill this in.');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await lookUp('someone.new@gmail.com'))?.match).toBe('unknown');
    await page.close();
  });

  it('keeps a contact form left half filled with its thread while another client is shown', async () => {
    proxy.set('pass');
    const email = 'budi.santoso@nowhere-shipping.example';
    const first = thread([{ name: 'Budi Santoso', email }]);
    const page = await open(first);
    await page.getByRole('button', { name: 'Add contact' }).click({ timeout: 20_000 });
    await page.getByLabel('Role (optional)').fill('Fleet manager');
    await page.getByLabel('Name', { exact: true }).fill('Budi S. Santoso');
    await page.show(thread([{ name: '', email: DEMO_ADDRESSES.atRisk }]));
    await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('Role (optional)').count()).toBe(0);
    await page.show(first);
    await expect.poll(() => page.getByLabel('Role (optional)').inputValue(), { timeout: 20_000 }).toBe('Fleet manager');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Budi S. Santoso');
    expect(await page.getByLabel('Email address').inputValue()).toBe(email);
    expect((await lookUp(email))?.match).toBe('unknown');
    await page.close();
  });

  it('adds an unknown person at a known account to that account', async () => {
    const page = await open(thread([{ name: 'Siti Procurement', email: DEMO_ADDRESSES.domainOnly }]));
    await page.getByTestId('domain-match').waitFor({ timeout: 20_000 });
    const account = await page.getByTestId('account-name').innerText();
    await page.getByRole('button', { name: 'Add contact' }).click();
    // The form loads on demand: wait for it rather than count at once.
    await expect.poll(() => page.getByText(`Joins the account ${account}.`).count(), { timeout: 20_000 }).toBe(1);
    await page.getByLabel('Name', { exact: true }).fill('Siti Rahma');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(async () => lookUp(DEMO_ADDRESSES.domainOnly), { timeout: 20_000 })
      .toMatchObject({ match: 'contact', contact: { name: 'Siti Rahma' }, account: { name: account } });
    await page.close();
  });
});
