import type { BrowserContext, CDPSession, Page, Route } from 'playwright-core';
import type { LaunchedExtension } from '../../test/browser/support/launch-extension';
import { configureForMail } from '../../test/browser/support/mail-pages';
import type { BenchCrm } from '../crm/start-crm';
import { launchBuilt } from './launch';
import { installSidebarProbe } from './sidebar-probe';

/**
 * Functions handed to `page.evaluate` are serialised from their source, and tsx compiles named
 * inner functions into `__name(fn, "name")` calls; the page needs that helper to exist.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

export interface MailSession {
  ext: LaunchedExtension;
  page: Page;
  /** CDP on the mail tab's renderer (page world, the content script's isolated world, same heap). */
  cdp: CDPSession;
  /** The built content script's URL, as trace events name it. */
  contentScriptUrl: string;
  close: () => Promise<void>;
}

/**
 * Opens `url` in a new tab with `html` as its document, then takes the route away again. While
 * any route is set, Playwright stops every request of every target it is attached to (the
 * extension's worker and the sidebar frame included) and lets it go on only after a round trip
 * through the driver: 3-4 ms for the worker's fetch of the CRM at rest, over 15 ms while the
 * bench's own process is busy. Views change without loading a document, so nothing after the
 * first load needs the route; other names do not resolve at all (launch.ts).
 */
async function openServed(context: BrowserContext, url: string, html: string): Promise<Page> {
  const serve = (route: Route) => route.request().resourceType() === 'document'
    ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
    : route.abort();
  await context.route('https://mail.google.com/**', serve);
  try {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  } finally {
    await context.unroute('https://mail.google.com/**', serve);
  }
}

/**
 * Chromium with the built extension, connected to the CRM through its options page (as a user
 * would, with the demo team's domain as company domain), and one mail tab opened on `firstPage`
 * served at `url`. `extensionDir` defaults to `.output/chrome-mv3`.
 */
export async function openMailSession(crm: BenchCrm, url: string, firstPage: string, extensionDir?: string): Promise<MailSession> {
  const ext = await launchBuilt(extensionDir);
  try {
    await configureForMail(ext, crm.url, crm.token);
    await ext.context.addInitScript({ content: NAME_SHIM });
    await ext.context.addInitScript(installSidebarProbe);
    for (const open of ext.context.pages()) if (open.url() === 'about:blank') await open.close();
    const page = await openServed(ext.context, url, firstPage);
    const cdp = await ext.context.newCDPSession(page);
    return {
      ext, page, cdp,
      contentScriptUrl: ext.url('content-scripts/gmail.js'),
      close: () => ext.close(),
    };
  } catch (error) {
    await ext.close();
    throw error;
  }
}
