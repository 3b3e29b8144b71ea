import type { BrowserContext, CDPSession, Page } from 'playwright-core';
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
  /** What the next document load of mail.google.com gets. */
  serve: (html: string) => void;
  close: () => Promise<void>;
}

async function routeGmail(context: BrowserContext, first: string): Promise<(html: string) => void> {
  let current = first;
  // Nothing of Google's leaves the machine. The route added last is asked first.
  await context.route(/^https:\/\/([a-z0-9-]+\.)*(google|gstatic|googleapis)\.com\//, (route) => route.abort());
  await context.route('https://mail.google.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current })
      : route.abort());
  return (html) => {
    current = html;
  };
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
    const serve = await routeGmail(ext.context, firstPage);
    for (const open of ext.context.pages()) if (open.url() === 'about:blank') await open.close();
    const page = await ext.context.newPage();
    await page.goto(url);
    const cdp = await ext.context.newCDPSession(page);
    return {
      ext, page, cdp, serve,
      contentScriptUrl: ext.url('content-scripts/gmail.js'),
      close: () => ext.close(),
    };
  } catch (error) {
    await ext.close();
    throw error;
  }
}
