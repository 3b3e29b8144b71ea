import type { Frame, Page } from 'playwright-core';
import type { SidebarContextInput } from '../../../lib/messaging/sidebar-context';
import { SIDEBAR_KEY_ITEM } from '../../../lib/messaging/sidebar-key';
import type { LaunchedExtension } from './launch-extension';

/** The extension APIs the worker-side code below uses (the test itself runs in Node). */
type WorkerGlobal = {
  chrome: {
    runtime: { getURL(path: string): string };
    storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  };
};

/** Where the stand-in mail page is served: Gmail's host, outside its `/mail/` app, so the Gmail content script finds no view to read. */
export const HOST_URL = 'https://mail.google.com/crm-test/sidebar-host';

/**
 * The sidebar as a mail page hosts it, with a test in the content script's place: its Frame, and
 * what a page needs to drive it. Locators and `evaluate` are the frame's (the sidebar's document).
 */
export interface SidebarView {
  /** The stand-in mail page. */
  page: Page;
  frame: Frame;
  getByTestId: Frame['getByTestId'];
  getByLabel: Frame['getByLabel'];
  getByRole: Frame['getByRole'];
  getByText: Frame['getByText'];
  locator: Frame['locator'];
  evaluate: Frame['evaluate'];
  waitForFunction: Frame['waitForFunction'];
  keyboard: Page['keyboard'];
  /** Hands the sidebar another thread, as the content script does. */
  show(context: SidebarContextInput): Promise<void>;
  /** Any message through the channel (a context that breaks the contract, `crm:park`, `crm:focus-note`…). */
  send(message: object): Promise<void>;
  /** How many times the sidebar asked for the messages' text. */
  bodyRequests(): Promise<number>;
  /** A picture of the whole sidebar, however long its page (the frame is grown to it first). */
  screenshot(options: { path: string; fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** The session's key and the sidebar's URL (the per-session one), as the background has them. */
export async function extensionSide(ext: LaunchedExtension): Promise<{ key: string; sidebarUrl: string }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = await ext.worker.evaluate(async (item) => {
      const { chrome } = globalThis as unknown as WorkerGlobal;
      return { key: (await chrome.storage.session.get(item))[item], sidebarUrl: chrome.runtime.getURL('sidebar.html') };
    }, SIDEBAR_KEY_ITEM);
    if (typeof found.key === 'string') return { key: found.key, sidebarUrl: found.sidebarUrl };
    if (Date.now() > deadline) throw new Error('the background never stored the sidebar key');
    await new Promise((done) => setTimeout(done, 100));
  }
}

const routed = new WeakSet<LaunchedExtension>();

/**
 * Opens a stand-in mail page that frames the sidebar and plays the content script's part: on
 * each load of the frame it hands over a channel with the session's key, then `context` through
 * it (when given), and answers the sidebar's requests for the messages' text with `body` (after
 * an answer to another request id, which the sidebar must ignore). The
 * frame fills the page, which has the viewport given.
 */
export async function hostSidebar(
  ext: LaunchedExtension,
  context: SidebarContextInput | null,
  options: { body?: string; width?: number; height?: number } = {},
): Promise<SidebarView> {
  const { key, sidebarUrl } = await extensionSide(ext);
  if (!routed.has(ext)) {
    routed.add(ext);
    await ext.context.route(HOST_URL, (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html><head><style>html,body{margin:0;height:100%;overflow:hidden}iframe{display:block;border:0;width:100%;height:100%}</style></head><body></body></html>',
    }));
  }
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: options.width ?? 360, height: options.height ?? 900 });
  await page.goto(HOST_URL);
  await page.evaluate(([src, secret, first, body]) => {
    type Host = { port: MessagePort | null; bodyRequests: number };
    const host: Host = { port: null, bodyRequests: 0 };
    (window as unknown as { crmHost: Host }).crmHost = host;
    const frame = document.createElement('iframe');
    frame.id = 'crm';
    frame.addEventListener('load', () => {
      const channel = new MessageChannel();
      host.port = channel.port1;
      channel.port1.onmessage = (event: MessageEvent) => {
        const data = event.data as { type?: string; requestId?: string } | null;
        if (data?.type !== 'crm:request-body') return;
        host.bodyRequests += 1;
        // An answer to another request first: the sidebar takes only the one to its own.
        channel.port1.postMessage({ type: 'crm:body', requestId: `not-${data.requestId}`, text: 'WRONG TEXT' });
        channel.port1.postMessage({ type: 'crm:body', requestId: data.requestId, text: body });
      };
      frame.contentWindow?.postMessage({ type: 'crm:port', key: secret }, '*', [channel.port2]);
      if (first) channel.port1.postMessage({ type: 'crm:context', context: first });
    });
    frame.src = src + (first ? `#${encodeURIComponent(JSON.stringify(first))}` : '');
    document.body.append(frame);
  }, [sidebarUrl, key, context, options.body ?? ''] as const);
  const frame = await (await page.waitForSelector('#crm')).contentFrame();
  if (!frame) throw new Error('the sidebar frame did not load');
  await frame.waitForLoadState();
  const post = (message: object) => page.evaluate((m) => {
    const { port } = (window as unknown as { crmHost: { port: MessagePort | null } }).crmHost;
    if (!port) throw new Error('the sidebar frame has not loaded yet');
    port.postMessage(m);
  }, message);
  return {
    page,
    frame,
    getByTestId: frame.getByTestId.bind(frame),
    getByLabel: frame.getByLabel.bind(frame),
    getByRole: frame.getByRole.bind(frame),
    getByText: frame.getByText.bind(frame),
    locator: frame.locator.bind(frame),
    evaluate: frame.evaluate.bind(frame),
    waitForFunction: frame.waitForFunction.bind(frame),
    keyboard: page.keyboard,
    show: (next) => post({ type: 'crm:context', context: next }),
    send: post,
    bodyRequests: () => page.evaluate(() => (window as unknown as { crmHost: { bodyRequests: number } }).crmHost.bodyRequests),
    async screenshot({ path }) {
      const height = await frame.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: page.viewportSize()?.width ?? 360, height });
      await page.locator('#crm').screenshot({ path });
    },
    close: () => page.close(),
  };
}
