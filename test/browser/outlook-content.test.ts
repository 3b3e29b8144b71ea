import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { decodeSidebarContext } from '../../lib/messaging/sidebar-context';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { demoAddressOf, openConversation, routeOutlook, scrollInRows } from '../fixtures/outlook/demo-pages';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { configureForMail } from './support/mail-pages';

/** Conversation ids of the fixtures' list rows (test/unit/mail/outlook/people.fixture.ts). */
const CONV = {
  dewi: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAOk3Xx1rRb5Ho8Zq9n2Yb1s=',
  sergei: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAG2pLq7TtUVEsc0yUu3xAbA=',
  ana: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAB7nYx3eQ8pCsR2mT6kLu5w=',
  lim: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAF4kWq9cM0tNoPz6R1yVb2U=',
  nurul: 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAHc8sWmF+0JCl7RxT4mZq2I=',
};
const itemUrl = (conv: string, host = 'outlook.office.com') => `https://${host}/mail/inbox/id/${encodeURIComponent(conv)}`;
const FRAME = 'iframe[data-crm-overlay="sidebar"]';
const BADGE = '[data-crm-overlay="badge"]';
/** The one extension API the page-side test code uses (the test itself runs in Node). */
type ExtensionGlobal = { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } };

let crm: RunningCrm;
let ext: LaunchedExtension;
let outlook: Awaited<ReturnType<typeof routeOutlook>>;
const pageErrors: string[] = [];

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await configureForMail(ext, crm.url, crm.token);
  outlook = await routeOutlook(ext.context, 'inbox-pane-right.html');
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

afterEach(() => {
  // No test may leave an uncaught error in the mail page (content script errors land here too).
  expect(pageErrors).toEqual([]);
});

/** What the CRM itself says about addresses, to compare the page with. */
async function lookUp(emails: string[]) {
  const response = await fetch(`${crm.url}/v1/lookup`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ emails }),
  });
  const { results } = (await response.json()) as { results: { email: string; account?: { name: string; risk: { level: string } } }[] };
  return results;
}

async function open(fixture: string, url: string): Promise<Page> {
  outlook.serve(fixture);
  const page = await ext.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${fixture}: ${error.message}`));
  await page.goto(url);
  return page;
}

async function sidebarFrame(page: Page) {
  const frame = await (await page.locator(FRAME).elementHandle({ timeout: 30_000 }))?.contentFrame();
  if (!frame) throw new Error('the sidebar iframe has no frame');
  return frame;
}

/** The thread the sidebar shows: the first one is in its src, later ones it keeps in its own URL. */
async function frameContext(page: Page) {
  return decodeSidebarContext(await (await sidebarFrame(page)).evaluate(() => location.hash));
}

/** Waits until the sidebar's URL names `email`, i.e. it shows that person's thread. */
async function frameShowing(page: Page, email: string) {
  const frame = await sidebarFrame(page);
  return frame.waitForFunction((wanted) => decodeURIComponent(location.hash).includes(wanted), email, { timeout: 30_000 });
}

describe('Outlook on the web: sidebar and banner', () => {
  let page: Page;
  afterAll(async () => page?.close());

  it('shows the sidebar beside the reading pane for a known client', async () => {
    const [client] = await lookUp([DEMO_ADDRESSES.atRisk]);
    page = await open('inbox-pane-right.html', itemUrl(CONV.dewi));
    await frameShowing(page, DEMO_ADDRESSES.atRisk);
    const context = await frameContext(page);
    expect(context).toMatchObject({ site: 'outlook', threadId: CONV.dewi, subject: 'Re: Quarterly invoice 2026-Q4', nameOnly: [], theme: 'light' });
    expect(context?.participants.map((p) => p.email)).toEqual([DEMO_ADDRESSES.atRisk]);
    await page.frameLocator(FRAME).getByText(client?.account?.name ?? '?').first().waitFor({ timeout: 30_000 });
    // Room is made: the reading pane ends where the panel starts.
    const [pane, frame] = await Promise.all([page.locator('#ReadingPaneContainerId').boundingBox(), page.locator(FRAME).boundingBox()]);
    expect(pane && frame && pane.x + pane.width <= frame.x + 1).toBe(true);
  });

  it('puts the banner with the reasons on the open message', async () => {
    const [client] = await lookUp([DEMO_ADDRESSES.atRisk]);
    const banner = page.locator('#ReadingPaneContainerId [data-crm-overlay="banner"]');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.getAttribute('data-risk')).toBe(client?.account?.risk.level);
    expect(await banner.locator('.text').innerText()).toContain(client?.account?.name);
  });

  it('switches the sidebar when another message is opened, without reloading it', async () => {
    const [client] = await lookUp([DEMO_ADDRESSES.watch]);
    await page.frameLocator(FRAME).locator('body').waitFor();
    await page.frame({ url: /sidebar\.html/ })?.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await openConversation(page, 'inbox-pane-bottom.html', itemUrl(CONV.sergei));
    await frameShowing(page, DEMO_ADDRESSES.watch);
    expect((await frameContext(page))?.threadId).toBe(CONV.sergei);
    // A shown sidebar takes the thread before the answers come, with everyone not yet known to be a
    // colleague (here Tomasz, of the company domain); the answers then take him out.
    await expect.poll(async () => (await frameContext(page))?.participants.map((p) => p.email), { timeout: 30_000 })
      .toEqual([DEMO_ADDRESSES.watch]);
    await page.frameLocator(FRAME).getByText(client?.account?.name ?? '?').first().waitFor({ timeout: 30_000 });
    expect(await page.frame({ url: /sidebar\.html/ })?.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    await page.waitForFunction((level) => document.querySelector('[data-crm-overlay="banner"]')?.getAttribute('data-risk') === level, client?.account?.risk.level);
  });

  it('follows History API navigation alone: leaves for the calendar, comes back with Back', async () => {
    // Only the URL changes (no DOM change at all), so only wxt:locationchange can tell.
    await page.evaluate(() => history.pushState({}, '', '/calendar/view/workweek'));
    await page.locator(FRAME).waitFor({ state: 'detached', timeout: 20_000 });
    expect(await page.locator('[data-crm-overlay="banner"]').count()).toBe(0);
    await page.evaluate(() => history.back());
    await frameShowing(page, DEMO_ADDRESSES.watch);
  });
});

/** The badges on the page, as their contract attributes say. */
function badges(page: Page) {
  return page.locator(BADGE).evaluateAll((els) => els.map((el) => ({
    email: el.getAttribute('data-email'),
    risk: el.getAttribute('data-risk'),
    label: el.getAttribute('aria-label') ?? '',
    row: el.closest('[role="option"]')?.getAttribute('data-convid') ?? null,
  })));
}

describe('Outlook on the web: badges in the message list', () => {
  let page: Page;
  afterAll(async () => page?.close());

  it('marks every row whose sender is a client to watch or at risk, and only those', async () => {
    page = await open('inbox-pane-right.html', itemUrl(CONV.dewi, 'outlook.office365.com'));
    // A row's senders are the elements whose tooltip is an address (a subject may mention one too).
    const senders = (await page.locator('[role="option"] span[title*="@"]').evaluateAll((els) =>
      els.map((el) => ({ email: el.getAttribute('title') ?? '', row: el.closest('[role="option"]')?.getAttribute('data-convid') ?? '' }))))
      .filter((s) => /^[^\s@]+@[^\s@]+$/.test(s.email));
    const answers = new Map((await lookUp([...new Set(senders.map((s) => s.email))])).map((r) => [r.email, r]));
    const expected = senders
      .filter((s) => ['watch', 'at-risk'].includes(answers.get(s.email)?.account?.risk.level ?? 'ok'))
      .map((s) => ({ email: s.email, risk: answers.get(s.email)?.account?.risk.level, row: s.row }));
    // The demo data gives this inbox both kinds: the mapping is not vacuous.
    expect(expected.map((e) => e.risk)).toEqual(expect.arrayContaining(['watch', 'at-risk']));
    await page.waitForFunction((n) => document.querySelectorAll('[data-crm-overlay="badge"]').length === n, expected.length, { timeout: 30_000 });
    const shown = await badges(page);
    expect(shown.map(({ email, risk, row }) => ({ email, risk, row }))).toEqual(expected);
    for (const badge of shown) expect(badge.label).toContain(answers.get(badge.email ?? '')?.account?.name);
  });

  it('marks rows that appear as the list scrolls', async () => {
    const before = (await badges(page)).length;
    await scrollInRows(page, CONV.nurul, [
      { convId: 'scrolled-1', email: DEMO_ADDRESSES.atRisk },
      { convId: 'scrolled-2', email: DEMO_ADDRESSES.healthy },
      { convId: 'scrolled-3', email: DEMO_ADDRESSES.watch },
    ]);
    await page.waitForFunction((n) => document.querySelectorAll('[data-crm-overlay="badge"]').length === n, before + 2, { timeout: 30_000 });
    const added = (await badges(page)).filter((b) => b.row?.startsWith('scrolled-'));
    expect(added.map(({ row, email }) => ({ row, email }))).toEqual([
      { row: 'scrolled-1', email: DEMO_ADDRESSES.atRisk },
      { row: 'scrolled-3', email: DEMO_ADDRESSES.watch },
    ]);
  });
});

describe('Outlook on the web: a redrawn list', () => {
  it('badges the rows again when Outlook replaces the whole listbox', async () => {
    const page = await open('inbox-pane-right.html', itemUrl(CONV.dewi));
    await page.locator(BADGE).first().waitFor({ timeout: 30_000 });
    const before = await badges(page);
    await page.evaluate(() => {
      const list = document.querySelector('[role="listbox"]');
      const fresh = list?.cloneNode(true) as Element | undefined;
      fresh?.querySelectorAll('[data-crm-overlay]').forEach((el) => el.remove());
      if (!list || !fresh) throw new Error('no listbox');
      list.replaceWith(fresh);
    });
    await page.waitForFunction((n) => document.querySelectorAll('[role="listbox"] [data-crm-overlay="badge"]').length === n, before.length, { timeout: 30_000 });
    expect(await badges(page)).toEqual(before);
    await page.close();
  });
});

describe('Outlook on the web: views and themes', () => {
  it('with the reading pane at the bottom: sidebar, badges, and room for both list and pane', async () => {
    const page = await open('inbox-pane-bottom.html', itemUrl(CONV.sergei));
    await frameShowing(page, DEMO_ADDRESSES.watch);
    await page.locator(`[role="option"] ${BADGE}[data-email="${DEMO_ADDRESSES.watch}"]`).waitFor({ timeout: 30_000 });
    const [list, pane, frame] = await Promise.all(['[role="listbox"]', '#ReadingPaneContainerId', FRAME].map((css) => page.locator(css).boundingBox()));
    expect(list && frame && list.x + list.width <= frame.x + 1).toBe(true);
    expect(pane && frame && pane.x + pane.width <= frame.x + 1).toBe(true);
    await page.close();
  });

  it('reads a message with the reading pane hidden: sidebar, no list, no badges', async () => {
    const page = await open('reading-full-page.html', itemUrl(CONV.nurul));
    const nurul = demoAddressOf('nurul.aisyah@harimau-foods.com.my');
    await frameShowing(page, nurul);
    expect((await frameContext(page))?.participants.map((p) => p.email)).toEqual([nurul]);
    expect(await page.locator(BADGE).count()).toBe(0);
    await page.close();
  });

  it('tells the sidebar the page is dark', async () => {
    const page = await open('theme-dark.html', itemUrl(CONV.lim, 'outlook.live.com').replace('/mail/', '/mail/0/'));
    const lim = demoAddressOf('weiming.lim@harimau-foods.com.my');
    await frameShowing(page, lim);
    expect(await frameContext(page)).toMatchObject({ theme: 'dark', threadId: CONV.lim });
    await page.close();
  });

  it('passes the people shown by name only, for the sidebar to match within the account', async () => {
    const page = await open('display-names-only.html', itemUrl(CONV.ana));
    const ana = demoAddressOf('ana.ionescu@carpathia-energie.ro');
    await frameShowing(page, ana);
    const context = await frameContext(page);
    expect(context?.participants.map((p) => p.email)).toEqual([ana]);
    expect(context?.nameOnly).toEqual([{ name: 'Me Sales' }, { name: 'Mihai Dumitru' }]);
    await page.close();
  });
});

describe('Outlook on the web: pages shaped like the live site of 2024-2025', () => {
  const SENT_ITEM = 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAM8tVn3xQ0dPl6kE2wRzY4c=';
  /** The user of the live 2025 page: a personal address, outside the company's domain. */
  const LIVE_ME = 'me.sales@hotmail.example';

  it('a client in From: sidebar on the client, the user\'s own address left out, badges in the wrapped list', async () => {
    const page = await open('live-conversation-2025.html', itemUrl(CONV.dewi, 'outlook.live.com').replace('/mail/', '/mail/0/'));
    await frameShowing(page, DEMO_ADDRESSES.atRisk);
    const context = await frameContext(page);
    expect(context).toMatchObject({ site: 'outlook', threadId: CONV.dewi, subject: 'Re: Quarterly invoice 2026-Q4' });
    const emails = context?.participants.map((p) => p.email) ?? [];
    expect(emails).toEqual([DEMO_ADDRESSES.atRisk, demoAddressOf('budi.santoso@bank-sinar.co.id')]);
    expect(emails).not.toContain(LIVE_ME);
    await page.locator(`[role="option"][data-convid="${CONV.dewi}"] ${BADGE}[data-email="${DEMO_ADDRESSES.atRisk}"]`).waitFor({ timeout: 30_000 });
    await page.locator(`[role="option"][data-convid="${CONV.sergei}"] ${BADGE}[data-email="${DEMO_ADDRESSES.watch}"]`).waitFor({ timeout: 30_000 });
    expect(await page.locator(`${BADGE}[data-email="${LIVE_ME}"]`).count()).toBe(0);
    await page.close();
  });

  it.each([
    ['in To only', 'office-item-2024.html'],
    ['in Cc only', 'office-item-cc-2024.html'],
  ])('a client %s: the sidebar opens on them', async (_label, fixture) => {
    const page = await open(fixture, `https://outlook.office.com/mail/sentitems/id/${encodeURIComponent(SENT_ITEM)}`);
    await frameShowing(page, DEMO_ADDRESSES.watch);
    const context = await frameContext(page);
    expect(context?.threadId).toBe(SENT_ITEM);
    expect(context?.participants.map((p) => p.email)).toContain(DEMO_ADDRESSES.watch);
    // The user, the sender here, is never an outside participant.
    expect(context?.participants.map((p) => p.email)).not.toContain(demoAddressOf('me@ourcompany.example'));
    await page.close();
  });
});

describe('Outlook on the web: a layout it does not know', () => {
  it('says so on the page and to the background, and shows nothing it guessed', async () => {
    const page = await open('unrecognised-layout.html', itemUrl(CONV.dewi));
    const notice = page.locator('[data-crm-overlay="notice"]');
    // The watcher looks for the pane for about ten seconds before it gives up.
    await notice.waitFor({ timeout: 40_000 });
    expect(await notice.locator('p').innerText()).toBe(en.layout_notice.message.replace('$SITE$', en.site_name_outlook.message));
    expect(await page.locator(`${FRAME}, ${BADGE}, [data-crm-overlay="banner"]`).count()).toBe(0);

    const popup = await ext.context.newPage();
    await popup.goto(ext.url('popup.html'));
    const health = await popup.evaluate(
      () => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ id: 1, type: 'getLayoutHealth', timestamp: Date.now() }),
    );
    expect((health as { res: { value: { site: string; failed: string[] }[] } }).res.value).toContainEqual(expect.objectContaining({ site: 'outlook', failed: ['readingPane'] }));
    await popup.close();
    await page.close();
  });
});
