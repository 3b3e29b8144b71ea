import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SidebarContextInput } from '../../lib/messaging/sidebar-context';
import { encodeSidebarContext } from '../../lib/messaging/sidebar-link';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { configureForMail, openGmail, routeGmail } from './support/mail-pages';

/**
 * A Gmail page whose own scripts are hostile (a page script run in its main world, as
 * `page.evaluate` runs them): they try to choose what the sidebar shows, to read or answer
 * what it sends, and to find the extension by its fixed URL. The sidebar must keep showing the
 * open thread's client, as the content script hands it over.
 */

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx';
const FRAME = 'iframe[data-crm-overlay="sidebar"]';
const BODY_TEXT = 'Dear Sir, attached is the draft we discussed.';

/**
 * Runs in every sidebar.html document before its scripts: notes each account name it shows, in
 * the order shown, from its first render on. What it draws unseen and inert while no thread has
 * come through the content script's channel (inside \`.unproven\`) is not shown.
 */
const RECORD_SHOWN = `(() => {
  if (location.protocol !== 'chrome-extension:' || location.pathname !== '/sidebar.html') return;
  const shown = window.crmShown = [];
  const note = () => {
    const element = document.querySelector('[data-testid="account-name"]');
    const name = element && !element.closest('.unproven') ? element.textContent : null;
    if (name && shown[shown.length - 1] !== name) shown.push(name);
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

let crm: RunningCrm;
let ext: LaunchedExtension;
let page: Page;
let realClient: string;
let forgedClient: string;
let forged: SidebarContextInput;

async function accountName(email: string): Promise<string> {
  const response = await fetch(`${crm.url}/v1/lookup`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ emails: [email] }),
  });
  const { results } = (await response.json()) as { results: { account?: { name: string } }[] };
  const name = results[0]?.account?.name;
  if (!name) throw new Error(`the demo data has no account for ${email}`);
  return name;
}

async function sidebarFrame(): Promise<Frame> {
  const frame = await (await page.locator(FRAME).elementHandle({ timeout: 20_000 }))?.contentFrame();
  if (!frame) throw new Error('the sidebar iframe has no frame');
  return frame;
}

/** The account names the frame's document has shown so far, in order. */
function shown(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => (window as unknown as { crmShown: string[] }).crmShown);
}

/** Long enough for a forged thread's lookup to come back and be drawn, had the sidebar taken it. */
const settle = () => page.waitForTimeout(1_500);

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await configureForMail(ext, crm.url, crm.token);
  await routeGmail(ext.context, 'thread-five-messages.html');
  await ext.context.addInitScript({ content: RECORD_SHOWN });
  [realClient, forgedClient] = await Promise.all([accountName(DEMO_ADDRESSES.atRisk), accountName(DEMO_ADDRESSES.watch)]);
  forged = { site: 'gmail', threadId: 'forged-thread', subject: 'Forged', participants: [{ name: 'Olga', email: DEMO_ADDRESSES.watch }] };
  page = await openGmail(ext.context, THREAD_URL);
  // The page's own record of every window message the sidebar frame sends it.
  await page.evaluate(() => {
    const heard: unknown[] = [];
    Object.assign(window, { heardFromFrame: heard });
    window.addEventListener('message', (event) => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[data-crm-overlay="sidebar"]');
      if (frame && event.source === frame.contentWindow) heard.push(event.data);
    });
  });
  await page.frameLocator(FRAME).getByTestId('account-name').filter({ hasText: realClient }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

describe('the sidebar frame in a page with hostile scripts', () => {
  it('is not found at the extension\'s fixed URL, while the sidebar shows from its per-session one', async () => {
    const src = await page.locator(FRAME).getAttribute('src');
    expect(src?.startsWith(`chrome-extension://${ext.extensionId}/`)).toBe(false);
    const probe = (url: string) => page.evaluate((u) => fetch(u).then((r) => `loaded ${r.status}`, (e: unknown) => `failed: ${String(e)}`), url);
    expect(await probe(`chrome-extension://${ext.extensionId}/sidebar.html`)).toMatch(/^failed/);
    // What the sidebar page loads is not reachable by the page at any address.
    const assets = await (await sidebarFrame()).evaluate(() => [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[href]')]
      .map((el) => new URL(el instanceof HTMLScriptElement ? el.src : el.href).pathname));
    expect(assets.length).toBeGreaterThan(0);
    const dynamicRoot = new URL(src ?? '').origin;
    for (const asset of assets) {
      expect(await probe(`chrome-extension://${ext.extensionId}${asset}`)).toMatch(/^failed/);
      expect(await probe(`${dynamicRoot}${asset}`)).toMatch(/^failed/);
    }
    await expect(page.frameLocator(FRAME).getByTestId('account-name').innerText()).resolves.toBe(realClient);
  });

  it('ignores threads, ports, focus and text posted to it by the page, and keeps showing the open thread\'s client', async () => {
    await page.evaluate(([context]) => {
      const target = document.querySelector<HTMLIFrameElement>('iframe[data-crm-overlay="sidebar"]')?.contentWindow;
      if (!target) throw new Error('no sidebar frame');
      // A thread as a window message, as this extension's content scripts once sent them.
      target.postMessage({ type: 'crm:context', context }, '*');
      target.postMessage({ type: 'crm:park' }, '*');
      target.postMessage({ type: 'crm:show-risk' }, '*');
      target.postMessage({ type: 'crm:body', requestId: 'any', text: 'FORGED TEXT' }, '*');
      // Ports of its own: without a key, with made-up keys, with the wrong shape.
      for (const key of [undefined, '', 'x'.repeat(43), 'A'.repeat(43), 12]) {
        const channel = new MessageChannel();
        target.postMessage({ type: 'crm:port', key }, '*', [channel.port2]);
        channel.port1.postMessage({ type: 'crm:context', context });
        channel.port1.postMessage({ type: 'crm:park' });
        channel.port1.postMessage({ type: 'crm:focus-note' });
      }
    }, [forged] as const);
    await settle();
    const frame = await sidebarFrame();
    await expect(page.frameLocator(FRAME).getByTestId('account-name').innerText()).resolves.toBe(realClient);
    expect(await shown(frame)).toEqual([realClient]);
    expect(await frame.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName)).not.toBe('risk');
    expect(await frame.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA');
  });

  it('shows the open thread again when the page points the frame at another thread, whatever ports the page offers meanwhile', async () => {
    const frame = await sidebarFrame();
    await frame.evaluate(() => Object.assign(window, { before: true }));
    await page.evaluate(([hash, context]) => {
      const element = document.querySelector<HTMLIFrameElement>('iframe[data-crm-overlay="sidebar"]');
      if (!element) throw new Error('no sidebar frame');
      // Offers a port of its own, with a thread, to whatever document the frame holds, as often
      // as it can while the frame loads again: some come before the content script's.
      const spam = setInterval(() => {
        const channel = new MessageChannel();
        element.contentWindow?.postMessage({ type: 'crm:port', key: 'guessed' }, '*', [channel.port2]);
        channel.port1.postMessage({ type: 'crm:context', context });
        element.contentWindow?.postMessage({ type: 'crm:context', context }, '*');
      }, 1);
      setTimeout(() => clearInterval(spam), 3_000);
      element.src = element.src.split('#')[0] + hash;
    }, [encodeSidebarContext(forged), forged] as const);
    await frame.waitForFunction(() => (window as { before?: boolean }).before === undefined, undefined, { timeout: 20_000 });
    await page.frameLocator(FRAME).getByTestId('account-name').filter({ hasText: realClient }).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(3_000);
    await expect(page.frameLocator(FRAME).getByTestId('account-name').innerText()).resolves.toBe(realClient);
    expect(await shown(frame)).toEqual([realClient]);
  });

  it('shows nothing of any client in a frame of sidebar.html that the page makes itself', async () => {
    await page.evaluate(([hash, context]) => {
      const ours = document.querySelector<HTMLIFrameElement>('iframe[data-crm-overlay="sidebar"]');
      const own = document.createElement('iframe');
      own.name = 'page-made';
      own.style.cssText = 'position:fixed;left:0;top:0;width:360px;height:600px';
      own.addEventListener('load', () => {
        const channel = new MessageChannel();
        own.contentWindow?.postMessage({ type: 'crm:port', key: 'guessed' }, '*', [channel.port2]);
        channel.port1.postMessage({ type: 'crm:context', context });
        own.contentWindow?.postMessage({ type: 'crm:context', context }, '*');
      });
      // The per-session URL can be read off the extension's own frame.
      own.src = (ours?.src.split('#')[0] ?? '') + hash;
      document.body.append(own);
    }, [encodeSidebarContext(forged), forged] as const);
    const own = await (await page.waitForSelector('iframe[name="page-made"]')).contentFrame();
    if (!own) throw new Error('the page-made frame did not load');
    await own.locator('[aria-busy="true"]').first().waitFor({ timeout: 20_000 });
    await settle();
    // At most drawn unseen and out of reach, as a frame is before its channel is proven.
    expect(await own.getByTestId('account-name').isVisible()).toBe(false);
    expect(await own.evaluate(() => [...document.querySelectorAll('[data-testid="account-name"]')].every((e) => e.closest('.unproven[inert]') !== null))).toBe(true);
    expect(await own.getByRole('button').count()).toBe(0);
    expect(await shown(own)).toEqual([]);
    await page.evaluate(() => document.querySelector('iframe[name="page-made"]')?.remove());
  });

  it('takes the messages\' text from the content script alone, and the page hears nothing the sidebar sends', async () => {
    // The page answers every request it could see, and some it could not, with text of its own.
    await page.evaluate(() => {
      const element = document.querySelector<HTMLIFrameElement>('iframe[data-crm-overlay="sidebar"]');
      const forge = (requestId: string) => element?.contentWindow?.postMessage({ type: 'crm:body', requestId, text: 'FORGED TEXT' }, '*');
      window.addEventListener('message', (event) => {
        const data = event.data as { type?: string; requestId?: string } | null;
        if (event.source === element?.contentWindow && data?.type === 'crm:request-body' && data.requestId) forge(data.requestId);
      });
      setInterval(() => forge(crypto.randomUUID()), 5);
    });
    const frame = page.frameLocator(FRAME);
    await frame.getByRole('checkbox', { name: 'Include the text of the email' }).check({ timeout: 20_000 });
    await frame.getByRole('button', { name: 'Log this email' }).click();
    await frame.getByTestId('thread-logged').waitFor({ timeout: 20_000 });
    const accountId = await (async () => {
      const response = await fetch(`${crm.url}/v1/lookup`, {
        method: 'POST', headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ emails: [DEMO_ADDRESSES.atRisk] }),
      });
      return ((await response.json()) as { results: { account: { id: string } }[] }).results[0]?.account.id;
    })();
    const response = await fetch(`${crm.url}/v1/accounts/${accountId}/timeline?kind=email`, { headers: { Authorization: `Bearer ${crm.token}` } });
    const { items } = (await response.json()) as { items: { summary: string }[] };
    // Logged at the email's own sent time, so it need not be the newest entry.
    expect(items.filter((item) => item.summary.includes(BODY_TEXT))).toHaveLength(1);
    expect(items.filter((item) => item.summary.includes('FORGED TEXT'))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { heardFromFrame: unknown[] }).heardFromFrame)).toEqual([]);
  });
});

describe('the sidebar on its own', () => {
  it.each([
    ['a thread in its URL', () => encodeSidebarContext(forged)],
    ['an address in its URL', () => `?email=${encodeURIComponent(DEMO_ADDRESSES.watch)}`],
  ])('shows nothing of a client when opened as a tab with %s', async (_, suffix) => {
    const tab = await ext.context.newPage();
    await tab.goto(ext.url('sidebar.html') + suffix());
    await tab.getByText("Open an email to see the client's context here.").waitFor({ timeout: 20_000 });
    await tab.waitForTimeout(1_500);
    expect(await tab.getByTestId('account-name').count()).toBe(0);
    expect(await tab.getByText(forgedClient).count()).toBe(0);
    await tab.close();
  });
});
