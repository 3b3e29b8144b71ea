import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSidebarFrame } from '../../../lib/content/sidebar-frame';
import { decodeSidebarContext, type SidebarContextInput } from '../../../lib/mail/sidebar-context';

const SIDEBAR = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/sidebar.html';
const thread = (threadId: string, email: string): SidebarContextInput => ({
  site: 'gmail', threadId, subject: `About ${threadId}`, participants: [{ name: '', email }],
});

function harness() {
  const window = new Window({ url: 'https://mail.google.com/mail/u/0/#inbox' });
  const doc = window.document as unknown as Document;
  const controller = new AbortController();
  const sidebar = createSidebarFrame({
    doc,
    signal: controller.signal,
    sidebarUrl: SIDEBAR,
    room: { reserve: () => undefined, release: () => undefined, top: () => 0 },
    collapsed: { get: async () => false, set: async () => undefined },
    bodyText: () => '',
  });
  const iframe = () => doc.querySelector<HTMLIFrameElement>('iframe[data-crm-overlay="sidebar"]');
  /** Marks the frame (re)loaded, with a window that records what is posted to it from then on. */
  const load = () => {
    const frame = iframe();
    if (!frame) throw new Error('no frame');
    const posted = vi.fn();
    Object.defineProperty(frame, 'contentWindow', { value: { postMessage: posted }, configurable: true });
    frame.dispatchEvent(new window.Event('load') as unknown as Event);
    return posted;
  };
  return { window, sidebar, controller, iframe, load };
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('createSidebarFrame: handing threads to the frame', () => {
  it('names the first thread in the src, then hands later ones over as messages without touching the src', () => {
    const h = harness();
    close = () => h.window.happyDOM.close();
    h.sidebar.show(thread('t1', 'a@client.example'));
    const src = h.iframe()?.getAttribute('src') ?? '';
    expect(decodeSidebarContext(new URL(src).hash)?.threadId).toBe('t1');
    const posted = h.load();
    expect(posted).not.toHaveBeenCalled();

    h.sidebar.show(thread('t2', 'b@client.example'));
    expect(h.iframe()?.getAttribute('src')).toBe(src);
    expect(posted).toHaveBeenCalledTimes(1);
    expect(posted.mock.calls[0]?.[0]).toEqual({ type: 'crm:context', context: thread('t2', 'b@client.example') });
    expect(posted.mock.calls[0]?.[1]).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');

    // The same thread again (Gmail re-rendering it) is not handed over twice.
    h.sidebar.show(thread('t2', 'b@client.example'));
    expect(posted).toHaveBeenCalledTimes(1);
  });

  it('hands the newest thread to a frame that loads (or reloads) after it was chosen', () => {
    const h = harness();
    close = () => h.window.happyDOM.close();
    h.sidebar.show(thread('t1', 'a@client.example'));
    h.sidebar.show(thread('t2', 'b@client.example'));
    h.sidebar.show(thread('t3', 'c@client.example'));
    const posted = h.load();
    expect(posted.mock.calls.map(([message]) => (message as { context: { threadId: string } }).context.threadId)).toEqual(['t3']);

    const reloaded = h.load();
    expect(reloaded).toHaveBeenCalledTimes(1);
    expect((reloaded.mock.calls[0]?.[0] as { context: { threadId: string } }).context.threadId).toBe('t3');
  });

  it('starts afresh after it was hidden: the next thread is in the new frame\'s src', () => {
    const h = harness();
    close = () => h.window.happyDOM.close();
    h.sidebar.show(thread('t1', 'a@client.example'));
    h.load();
    h.sidebar.hide();
    expect(h.iframe()).toBeNull();
    h.sidebar.show(thread('t2', 'b@client.example'));
    expect(decodeSidebarContext(new URL(h.iframe()?.getAttribute('src') ?? '').hash)?.threadId).toBe('t2');
    expect(h.load()).not.toHaveBeenCalled();
  });
});
