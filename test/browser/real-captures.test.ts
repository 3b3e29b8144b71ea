import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeSidebarContext } from '../../lib/messaging/sidebar-context';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { demoAddressOf, routeOutlook } from '../fixtures/outlook/demo-pages';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { configureForMail } from './support/mail-pages';

/**
 * The extension on pages cut from a real outlook.live.com page of 2025
 * (test/fixtures/outlook/README.md, "Captured pages"), served at Outlook's address with their
 * people turned into demo people (Dewi: at risk, Sergei: to watch, the colleague Tomasz: the demo
 * team's domain). The user, Me Sales, has a personal address the page shows only in the app rail.
 */
const OPEN = 'AQQkADAwATM2MDAAMS1iNDdhLTVjMjMtMDACLTAwCgAQAEu7Xq2fT0hKmZc4aR1sVn8=';
const OTHER = 'AQQkADAwATM2MDAAMS1iNDdhLTVjMjMtMDACLTAwCgAQAJ3mTc8vR0VGpkYz2Lw9Hx4=';
const URL = `https://outlook.live.com/mail/0/inbox/id/${encodeURIComponent(OPEN)}`;
const ME = 'me.sales@hotmail.example';
const FRAME = 'iframe[data-crm-overlay="sidebar"]';
const BADGE = '[data-crm-overlay="badge"]';

let crm: RunningCrm;
let ext: LaunchedExtension;
let outlook: Awaited<ReturnType<typeof routeOutlook>>;
const pageErrors: string[] = [];

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await configureForMail(ext, crm.url, crm.token);
  outlook = await routeOutlook(ext.context, 'capture-read-live-2025.html');
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

async function open(fixture: string): Promise<Page> {
  outlook.serve(fixture);
  const page = await ext.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${fixture}: ${error.message}`));
  await page.goto(URL);
  return page;
}

async function sidebarFrame(page: Page) {
  const frame = await (await page.locator(FRAME).elementHandle({ timeout: 30_000 }))?.contentFrame();
  if (!frame) throw new Error('the sidebar iframe has no frame');
  return frame;
}

/** The thread the sidebar was given, once its URL names `email`. */
async function contextShowing(page: Page, email: string) {
  const frame = await sidebarFrame(page);
  await frame.waitForFunction((wanted) => decodeURIComponent(location.hash).includes(wanted), email, { timeout: 30_000 });
  return decodeSidebarContext(await frame.evaluate(() => location.hash));
}

describe('captured Outlook on the web (outlook.live.com, 2025)', () => {
  it('a client in From: the sidebar opens on them, without the user, with the date the page shows', async () => {
    const page = await open('capture-read-live-2025.html');
    const context = await contextShowing(page, DEMO_ADDRESSES.atRisk);
    expect(context).toMatchObject({ site: 'outlook', threadId: OPEN, subject: 'Delivery schedule for March', nameOnly: [] });
    expect(context?.participants.map((p) => p.email)).toEqual([DEMO_ADDRESSES.atRisk]);
    expect(JSON.stringify(context)).not.toContain(ME);
    // The header says "Wed 4/30/2025 3:03 PM": the context carries it, read or as written.
    const sent = context as { sentAt?: string | null; sentText?: string[] } | null;
    expect(sent?.sentAt?.startsWith('2025-04-30T15:03') || (sent?.sentText ?? []).includes('Wed 4/30/2025 3:03 PM')).toBe(true);
    await page.close();
  });

  it.each([
    ['in To only', 'capture-read-to-live-2025.html', DEMO_ADDRESSES.atRisk],
    ['in Cc only', 'capture-read-cc-live-2025.html', DEMO_ADDRESSES.watch],
  ])('a client %s, a colleague writing: the sidebar opens on the client', async (_label, fixture, client) => {
    const page = await open(fixture);
    const context = await contextShowing(page, client);
    expect(context?.threadId).toBe(OPEN);
    expect(context?.participants.map((p) => p.email)).toEqual([client]);
    expect(context?.participants.map((p) => p.email)).not.toContain(demoAddressOf('tomasz.nowak@ourcompany.example'));
    expect(context?.nameOnly).toEqual([]);
    await page.close();
  });

  it('badges the list rows of clients at risk and to watch, and never the user', async () => {
    const page = await open('capture-read-live-2025.html');
    await page.locator(`[role="option"][data-convid="${OPEN}"] ${BADGE}[data-email="${DEMO_ADDRESSES.atRisk}"]`).waitFor({ timeout: 30_000 });
    await page.locator(`[role="option"][data-convid="${OTHER}"] ${BADGE}[data-email="${DEMO_ADDRESSES.watch}"]`).waitFor({ timeout: 30_000 });
    expect(await page.locator(BADGE).count()).toBe(2);
    expect(await page.locator(`${BADGE}[data-email="${ME}"]`).count()).toBe(0);
    await page.close();
  });
});
