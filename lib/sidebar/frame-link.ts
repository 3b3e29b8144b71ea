import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readFrameMessage, type FrameMessage, type FrameMessageInput } from '../messaging/sidebar-context';
import { MAIL_ORIGINS as SITE_ORIGINS } from '../mail/sites';
import { SIDEBAR_KEY_ITEM, isSidebarKey } from '../messaging/sidebar-key';

type Incoming = Extract<FrameMessage, { type: 'crm:focus-note' | 'crm:show-risk' | 'crm:body' }>;

/** The mail sites that host the sidebar; a channel offered from any other origin is ignored. */
export const MAIL_ORIGINS: readonly string[] = SITE_ORIGINS;

/** Each message through the proven channel, parsed (null when it is not a FrameMessage), with its raw data. */
type Listener = (message: FrameMessage | null, data: unknown) => void;

export interface FrameLink {
  listen(listener: Listener): () => void;
  /** Sends through the proven channel; false when there is none (no mail page, or not proven yet). */
  send(message: FrameMessageInput): boolean;
}

/** A `crm:port` window message from the page hosting this frame: the port and the key offered with it. */
export function portOffer(event: MessageEvent, win: Window): { key: string; port: MessagePort } | null {
  if (win.parent === win || event.source !== win.parent || !MAIL_ORIGINS.includes(event.origin)) return null;
  const data = event.data as { type?: unknown; key?: unknown } | null;
  const port = event.ports[0];
  return data?.type === 'crm:port' && typeof data.key === 'string' && port ? { key: data.key, port } : null;
}

/**
 * The sidebar's end of its private channel with the content script of the page that hosts it.
 *
 * The mail page's own scripts share the content script's window and origin, so a window message
 * cannot say which of the two sent it: a page script could post a thread of its choosing, answer
 * a request for the messages' text, or offer a MessagePort of its own. So the sidebar takes
 * nothing from window messages but a `crm:port` offer, and trusts an offered port only when the
 * key that comes with it is the session's secret, which it reads from the extension's session
 * storage: the background writes it there and gives it to content scripts; a page can reach
 * neither (lib/background/sidebar-key.ts). Every message then goes through that port, which only
 * the content script holds the other end of: the threads shown, focus and risk requests, the
 * request for the messages' text and its answer. A port offered with any other key is closed
 * unheard, whenever it comes (before the content script's, or after). The key is read as soon
 * as this module loads, while the frame is still loading, so proving a port waits for nothing
 * in the usual case; a channel is proven once per load of the frame, and the threads that follow
 * are port messages with nothing added to them.
 */
export function createFrameLink(win: Window, readKey: () => Promise<string | null>): FrameLink {
  const listeners = new Set<Listener>();
  let port: MessagePort | null = null;
  let known = readKey().catch(() => null);
  async function proven(offered: string): Promise<boolean> {
    let key = await known;
    // The session's very first frame may look before the background has stored the key.
    if (key === null) key = await (known = readKey().catch(() => null));
    return key !== null && key === offered;
  }
  win.addEventListener('message', (event: MessageEvent) => {
    const offer = portOffer(event, win);
    if (!offer) return;
    // The port is not started until proven: what the content script sent meanwhile waits in it.
    void proven(offer.key).then((ok) => {
      if (!ok) return offer.port.close();
      port?.close();
      port = offer.port;
      port.onmessage = (e: MessageEvent) => {
        const read = readFrameMessage(e.data);
        for (const listener of listeners) listener(read.ok ? read.value : null, e.data);
      };
    });
  });
  return {
    listen(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    send(message) {
      port?.postMessage(message);
      return port !== null;
    },
  };
}

async function sessionKey(): Promise<string | null> {
  const value = (await browser.storage.session.get(SIDEBAR_KEY_ITEM))[SIDEBAR_KEY_ITEM];
  return isSidebarKey(value) ? value : null;
}

let shared: FrameLink | null = null;

/** This page's link, made on first use (the sidebar's source store makes it as its module loads). */
export function frameLink(): FrameLink {
  shared ??= createFrameLink(window, sessionKey);
  return shared;
}

/** Calls `handler` for each message of `type` from the content script. */
export function useFrameMessage<K extends Incoming['type']>(type: K, handler: (message: Extract<Incoming, { type: K }>) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(
    () => frameLink().listen((message) => {
      if (message?.type === type) latest.current(message as Extract<Incoming, { type: K }>);
    }),
    [type],
  );
}

/**
 * Asks the content script for the open messages' text (only after the user ticked "include
 * text"), through the proven channel, so the answer can only be the content script's. Rejects
 * when there is no such channel or no answer comes within `timeoutMs`.
 */
export function requestBody(timeoutMs = 10_000): Promise<string> {
  const link = frameLink();
  const requestId = crypto.randomUUID();
  return new Promise((resolve, reject) => {
    const stop = link.listen((message) => {
      if (message?.type !== 'crm:body' || message.requestId !== requestId) return;
      done();
      resolve(message.text);
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error('the mail page did not hand over the text'));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      stop();
    };
    if (!link.send({ type: 'crm:request-body', requestId })) {
      done();
      reject(new Error('no mail page hosts this sidebar'));
    }
  });
}
