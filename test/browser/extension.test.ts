import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { DEMO_ADDRESSES, DEMO_MAIN_USER, DEMO_TEAM } from '../../server/seed/demo';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { closedPortUrl, startNonsenseServer, startSlowProxy, type LocalServer } from './support/local-servers';
import { connectionStatus, fillConnection, openOptions } from './support/options-page';
import { screenshotPath } from './support/screenshots';
import { openSidebar, sidebarProblem } from './support/sidebar-page';

/** The one extension API the page-side test code uses (the test itself runs in Node). */
type ExtensionGlobal = { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } };

let crm: RunningCrm;
let nonsense: LocalServer;
let closedUrl: string;
let ext: LaunchedExtension;

beforeAll(async () => {
  [crm, nonsense, closedUrl] = await Promise.all([startCrmServer(), startNonsenseServer(), closedPortUrl()]);
  // Every CRM in these tests is on loopback; see launchExtension for why the origin is pre-granted.
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
});

afterAll(async () => {
  await ext?.close();
  await Promise.all([crm?.stop(), nonsense?.stop()]);
});

/** Tests the connection, then saves it, through the options page as a user would. */
async function configure(url: string, token: string): Promise<{ tested: string; saved: string; page: Page }> {
  const page = await openOptions(ext);
  await fillConnection(page, url, token);
  await page.getByRole('button', { name: 'Test connection' }).click();
  const tested = await connectionStatus(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: /saved|did not allow/ }).waitFor();
  const saved = await connectionStatus(page);
  return { tested, saved, page };
}

/** The ids on an account's first timeline page, straight from the CRM. */
async function timelineIds(accountId: string): Promise<string[]> {
  const response = await fetch(`${crm.url}/v1/accounts/${accountId}/timeline`, { headers: { Authorization: `Bearer ${crm.token}` } });
  return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
}

/** What the CRM itself says about an address, to compare the sidebar with. */
async function lookUp(email: string) {
  const response = await fetch(`${crm.url}/v1/lookup`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ emails: [email] }),
  });
  const { results } = (await response.json()) as { results: { contact?: { name: string }; account?: { id: string; name: string; stage: string } }[] };
  return results[0];
}

describe('extension against a real CRM', () => {
  it('says the CRM is not set up before anything is saved, with a way to the settings', async () => {
    const page = await openSidebar(ext, DEMO_ADDRESSES.atRisk);
    const problem = await sidebarProblem(page);
    expect(problem.kind).toBe('not-configured');
    expect(problem.text).toContain('The CRM is not set up yet.');
    await expect(page.getByRole('link', { name: 'Open settings' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('is configured through the options page and then shows the client in the sidebar', async () => {
    const { tested, saved, page } = await configure(crm.url, crm.token);
    expect(tested).toBe(`Connected as ${DEMO_MAIN_USER.name} (${DEMO_MAIN_USER.email}), team ${DEMO_TEAM}.`);
    expect(saved).toBe('Settings saved.');
    await page.close();

    const expected = await lookUp(DEMO_ADDRESSES.atRisk);
    const sidebar = await openSidebar(ext, DEMO_ADDRESSES.atRisk);
    await sidebar.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    expect(await sidebar.getByTestId('contact-name').innerText()).toBe(expected?.contact?.name);
    expect(await sidebar.getByTestId('account-name').innerText()).toBe(expected?.account?.name);
    const stageKey = `stage_${expected?.account?.stage}` as keyof typeof en;
    expect(await sidebar.getByTestId('stage').innerText()).toBe(en[stageKey].message);
    expect(await sidebar.locator('[data-risk]').getAttribute('data-risk')).toBe('at-risk');
    expect(await sidebar.locator('[data-reason]').count()).toBeGreaterThan(0);
    // Only the sidebar is kept as a picture: it shows no port numbers or clock times, so it stays the same run to run.
    await sidebar.screenshot({ path: await screenshotPath('sidebar.png'), fullPage: true });
    await sidebar.close();

    const popup = await ext.context.newPage();
    await popup.goto(ext.url('popup.html'));
    await expect(popup.getByTestId('user').innerText()).resolves.toBe(`Signed in as ${DEMO_MAIN_USER.name}, team ${DEMO_TEAM}`);
    await expect(popup.getByTestId('pending').innerText()).resolves.toBe('Waiting to be sent: 0');
    await popup.close();
  });

  it('shows an unknown address as not in the CRM', async () => {
    const sidebar = await openSidebar(ext, DEMO_ADDRESSES.unknown);
    await sidebar.getByTestId('unknown').waitFor({ timeout: 20_000 });
    expect(await sidebar.getByTestId('unknown').innerText()).toBe(`${DEMO_ADDRESSES.unknown} is not in the CRM yet.`);
    await sidebar.close();
  });

  it('delivers a note queued from an extension page to the CRM, once', async () => {
    const client = await lookUp(DEMO_ADDRESSES.healthy);
    const accountId = client?.account?.id;
    expect(accountId).toBeTruthy();
    const page = await openSidebar(ext, DEMO_ADDRESSES.healthy);
    // The protocol's wire format (lib/messaging/channel.ts), as the sidebar sends enqueueWrite.
    const answer = await page.evaluate(
      (data) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ id: 1, type: 'enqueueWrite', timestamp: Date.now(), data }),
      { write: { type: 'interaction', body: { accountId, kind: 'note', summary: 'Browser test: asked about the renewal' } } },
    );
    const id = (answer as { res: { ok: boolean; value: { id: string } } }).res.value.id;
    await expect.poll(async () => (await timelineIds(accountId ?? '')).filter((x) => x === id).length, { timeout: 20_000 }).toBe(1);
    await page.close();
  });

  it('refreshes an open sidebar when a write changes what it shows', async () => {
    const accountId = (await lookUp(DEMO_ADDRESSES.healthy))?.account?.id;
    const sidebar = await openSidebar(ext, DEMO_ADDRESSES.healthy);
    const open = sidebar.getByTestId('open-commitments');
    await open.waitFor({ timeout: 20_000 });
    const before = Number(await open.innerText());
    await sidebar.evaluate(
      (data) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ id: 2, type: 'enqueueWrite', timestamp: Date.now(), data }),
      { write: { type: 'commitment', body: { accountId, text: 'Browser test: send the renewal offer', dueDate: null } } },
    );
    // Sent, the account's cache marked stale, the page told, the stale answer refreshed, the page told again.
    await expect.poll(async () => Number(await open.innerText()), { timeout: 20_000 }).toBe(before + 1);
    await sidebar.close();
  });
});

describe('loading', () => {
  it('shows a skeleton of the same size as the loaded sidebar, so nothing jumps', async () => {
    const slow = await startSlowProxy(crm.url, 800);
    try {
      const { page } = await configure(slow.url, crm.token);
      await page.close();
      const sidebar = await openSidebar(ext, DEMO_ADDRESSES.watch);
      const heights = () => sidebar.evaluate(() => [...document.querySelectorAll('.card')].map((e) => e.getBoundingClientRect().height));
      await sidebar.locator('[aria-busy="true"]').waitFor();
      expect(await sidebar.getByRole('status').innerText()).toBe('Loading client context…');
      const loading = await heights();
      await sidebar.getByTestId('contact-name').waitFor({ timeout: 20_000 });
      expect(await heights()).toEqual(loading);
      await sidebar.close();
    } finally {
      await slow.stop();
    }
  });
});

describe('each failure has its own message, in the options page and in the sidebar', () => {
  it.each([
    ['a refused token', () => ({ url: crm.url, token: 'not-the-right-token' }), 'unauthorized', 'The CRM refused your API token.'],
    ['an unreachable CRM', () => ({ url: closedUrl, token: 'any-token' }), 'unreachable', () => `Can't reach the CRM at ${closedUrl}.`],
    ['a malformed answer', () => ({ url: nonsense.url, token: 'any-token' }), 'bad-format', 'The CRM answered in an unexpected format:'],
  ] as const)('%s', async (_, connection, kind, message) => {
    const { url, token } = connection();
    const text = typeof message === 'function' ? message() : message;
    const { tested, saved, page } = await configure(url, token);
    expect(tested).toContain(text);
    expect(saved).toBe('Settings saved.');
    await page.close();

    const sidebar = await openSidebar(ext, DEMO_ADDRESSES.healthy);
    const problem = await sidebarProblem(sidebar);
    expect(problem.kind).toBe(kind);
    expect(problem.text).toContain(text);
    await expect(sidebar.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(1);
    await sidebar.close();
  });
});
