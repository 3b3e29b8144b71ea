import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSidebarContext } from '../../lib/messaging/sidebar-context';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { configureForMail, openGmail, routeGmail, switchView } from './support/mail-pages';

/** The extension APIs the worker-side test code uses (the test itself runs in Node). */
type WorkerGlobal = {
  chrome: {
    runtime: { getManifest(): unknown };
    tabs: {
      query(filter: object): Promise<{ id?: number }[]>;
      sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
    };
  };
};

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx';
const FRAME = 'iframe[data-crm-overlay="sidebar"]';

let crm: RunningCrm;
let ext: LaunchedExtension;
let gmail: Awaited<ReturnType<typeof routeGmail>>;

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await configureForMail(ext, crm.url, crm.token);
  gmail = await routeGmail(ext.context, 'thread-five-messages.html');
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

/** What the CRM itself says about an address. */
async function lookUp(email: string) {
  const response = await fetch(`${crm.url}/v1/lookup`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ emails: [email] }),
  });
  const { results } = (await response.json()) as { results: { account?: { id: string; name: string; risk: { level: string } } }[] };
  const account = results[0]?.account;
  if (!account) throw new Error(`the demo data has no account for ${email}`);
  return account;
}

/** The thread the sidebar shows: the first one is in its src, later ones it keeps in its own URL. */
async function frameContext(page: Page) {
  return decodeSidebarContext(await (await sidebarFrame(page)).evaluate(() => location.hash));
}

async function sidebarFrame(page: Page) {
  const frame = await (await page.locator(FRAME).elementHandle({ timeout: 20_000 }))?.contentFrame();
  if (!frame) throw new Error('the sidebar iframe has no frame');
  return frame;
}

describe('Gmail thread: sidebar and banner', () => {
  let page: Page;

  it('shows the sidebar for the client of the open thread, beside the message', async () => {
    const client = await lookUp(DEMO_ADDRESSES.atRisk);
    gmail.serve('thread-five-messages.html');
    page = await openGmail(ext.context, THREAD_URL);
    await page.locator(FRAME).waitFor({ timeout: 30_000 });

    const context = await frameContext(page);
    expect(context?.site).toBe('gmail');
    // The colleague (company domain) and the user are left out; the two clients' people stay.
    expect(context?.participants.map((p) => p.email)).toEqual([DEMO_ADDRESSES.atRisk, DEMO_ADDRESSES.healthy]);
    expect(context?.theme).toBe('light');
    await expect(page.frameLocator(FRAME).getByText(client.name).first().waitFor({ timeout: 30_000 })).resolves.toBeUndefined();

    // Room is made: the message column ends where the panel starts.
    const [main, frame] = await Promise.all([page.locator('[role="main"]').boundingBox(), page.locator(FRAME).boundingBox()]);
    expect(main && frame && main.x + main.width <= frame.x + 1).toBe(true);
  });

  it('puts a banner with the reasons above the at-risk client\'s message, which opens the risk section', async () => {
    const client = await lookUp(DEMO_ADDRESSES.atRisk);
    const banner = page.locator('[data-crm-overlay="banner"]');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.getAttribute('data-risk')).toBe(client.risk.level);
    expect(await banner.locator('.text').innerText()).toContain(client.name);
    await page.getByRole('button', { name: 'Hide client context' }).click();
    await expect(page.locator(FRAME).isVisible()).resolves.toBe(false);
    await banner.getByRole('button').click();
    await page.locator(FRAME).waitFor({ state: 'visible' });
    // Unfolding from the banner is not a new preference: the tab still remembers "folded".
    await page.getByRole('button', { name: 'Hide client context' }).click();
  });

  it('switches to another thread without reloading the frame or adding history, with the page\'s theme', async () => {
    await page.getByRole('button', { name: 'Show client context' }).click();
    const client = await lookUp(DEMO_ADDRESSES.watch);
    const frame = await sidebarFrame(page);
    await frame.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    // The user switched Gmail to a dark theme meanwhile: the next context says so.
    await page.addStyleTag({ content: 'body { background: rgb(32, 33, 36); }' });
    const historyBefore = await page.evaluate(() => history.length);
    await switchView(page, 'thread-cc-2022.html', '#label/Clients%2FPetrovsky/18c3e0000000000a');
    await frame.waitForFunction((email) => decodeURIComponent(location.hash).includes(email), DEMO_ADDRESSES.watch);
    // Only Gmail's own hash change made an entry: one press of Back still goes back in Gmail.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1);
    expect((await frameContext(page))?.participants.map((p) => p.email)).toContain(DEMO_ADDRESSES.watch);
    // The theme is read after the thread is handed over (off the way to showing it), and follows it.
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark', undefined, { timeout: 5_000 });
    await expect.poll(async () => (await frameContext(page))?.theme, { timeout: 5_000 }).toBe('dark');
    await page.frameLocator(FRAME).getByText(client.name).first().waitFor({ timeout: 30_000 });
    expect(await frame.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    expect(await sidebarFrame(page)).toBe(frame);
    expect(await page.locator('[data-crm-overlay="banner"]').getAttribute('data-risk')).toBe(client.risk.level);
  });

  it('leaves when the list is shown, and gives the page its width back', async () => {
    const before = await page.locator('.bkK').evaluate((el) => (el as HTMLElement).style.marginRight);
    expect(before).not.toBe('');
    const frame = await sidebarFrame(page);
    await frame.evaluate(() => Object.assign(window, { loadedOnce: true }));
    await switchView(page, 'inbox-default-tabs.html', '#inbox');
    await page.locator(FRAME).waitFor({ state: 'detached', timeout: 20_000 });
    await expect(page.locator('[data-crm-overlay="banner"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-crm-overlay="sidebar-tab"]').count()).resolves.toBe(0);
    await expect(page.locator('.bkK').evaluate((el) => (el as HTMLElement).style.marginRight)).resolves.toBe('');
    // Put away, not removed: hidden, showing nothing of the last client.
    const parked = page.locator('iframe[data-crm-overlay="sidebar-parked"]');
    await expect(parked.isVisible()).resolves.toBe(false);
    await frame.getByTestId('account-name').waitFor({ state: 'detached', timeout: 20_000 });
    // Nor anything else while nobody sees it: not the Today list it shows opened on its own.
    await frame.getByTestId('sidebar-parked').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await frame.locator('main').innerText()).toBe('');

    // The next thread opened from the list goes to the same page, which shows its client.
    const client = await lookUp(DEMO_ADDRESSES.watch);
    await switchView(page, 'thread-cc-2022.html', '#inbox/18c3e0000000000a');
    await page.locator(FRAME).waitFor({ state: 'visible', timeout: 20_000 });
    await page.frameLocator(FRAME).getByText(client.name).first().waitFor({ timeout: 30_000 });
    expect(await frame.evaluate(() => (window as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    await expect(page.locator('.bkK').evaluate((el) => (el as HTMLElement).style.marginRight)).resolves.not.toBe('');
  });

  it('remembers that the sidebar was folded, across a reload', async () => {
    gmail.serve('thread-five-messages.html');
    // Only the hash differs from the list's URL, which alone would not load a document.
    await page.goto('about:blank');
    await page.goto(THREAD_URL);
    await page.locator(FRAME).waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByRole('button', { name: 'Hide client context' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Show client context' }).waitFor({ timeout: 30_000 });
    await expect(page.locator(FRAME).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Show client context' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Hide client context' }).waitFor({ timeout: 30_000 });
    await expect(page.locator(FRAME).isVisible()).resolves.toBe(true);
  });

  it('answers the sidebar\'s request for the open messages\' text, through the channel it handed the frame', async () => {
    const frame = await sidebarFrame(page);
    const account = await lookUp(DEMO_ADDRESSES.atRisk);
    await frame.getByRole('checkbox', { name: 'Include the text of the email' }).check({ timeout: 20_000 });
    await frame.getByRole('button', { name: 'Log this email' }).click();
    await frame.getByTestId('thread-logged').waitFor({ timeout: 20_000 });
    const { items } = await fetch(`${crm.url}/v1/accounts/${account.id}/timeline?kind=email`, { headers: { Authorization: `Bearer ${crm.token}` } })
      .then((r) => r.json() as Promise<{ items: { summary: string }[] }>);
    // Logged at the email's own sent time, so it need not be the newest entry.
    expect(items.filter((item) => item.summary.includes('Dear Sir, attached is the draft we discussed.'))).toHaveLength(1);
  });

  // Retried: in a full run the focus sometimes never arrives within the wait; not yet explained.
  it('hands the note shortcut to the sidebar: focus moves into the frame, which is told to open the note', { retry: 2 }, async () => {
    const manifest = (await ext.worker.evaluate(() => (globalThis as unknown as WorkerGlobal).chrome.runtime.getManifest())) as { commands?: Record<string, { suggested_key?: { default?: string } }> };
    expect(manifest.commands?.['focus-note']?.suggested_key?.default).toBe('Alt+Shift+N');
    await page.getByRole('button', { name: 'Hide client context' }).click();
    const frame = await sidebarFrame(page);
    await frame.locator('textarea').first().waitFor({ state: 'attached', timeout: 20_000 });
    // What the background does when the command fires: the protocol's focusNote to the tab's top frame.
    await ext.worker.evaluate(async () => {
      // Without the tabs permission the worker can't see tab URLs; only the Gmail tab has a listener.
      const { chrome } = globalThis as unknown as WorkerGlobal;
      const tabs = await chrome.tabs.query({});
      await Promise.all(tabs.map((tab) => tab.id === undefined ? undefined
        : chrome.tabs.sendMessage(tab.id, { id: 1, type: 'focusNote', timestamp: Date.now() }, { frameId: 0 }).catch(() => undefined)));
    });
    // Told through the channel: the note takes the focus.
    // Polled by time: animation frames of a frame that was folded when the wait began may never come.
    await frame.waitForFunction(() => document.activeElement === document.querySelector('textarea'), undefined, { polling: 100, timeout: 20_000 });
    await expect(page.locator(FRAME).isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-crm-overlay'))).resolves.toBe('sidebar');
  });
});
