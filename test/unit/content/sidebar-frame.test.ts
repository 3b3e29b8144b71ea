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
  /**
   * Marks the frame (re)loaded, with a window that records what is posted to it, and returns the
   * threads that then reach it through the channel it is handed on load.
   */
  const load = () => {
    const frame = iframe();
    if (!frame) throw new Error('no frame');
    const posted = vi.fn();
    Object.defineProperty(frame, 'contentWindow', { value: { postMessage: posted }, configurable: true });
    frame.dispatchEvent(new window.Event('load') as unknown as Event);
    expect(posted).toHaveBeenCalledTimes(1);
    const [hello, origin, transfer] = posted.mock.calls[0] as [unknown, string, MessagePort[]];
    expect(hello).toEqual({ type: 'crm:port' });
    expect(origin).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    const threads: string[] = [];
    const port = transfer[0];
    if (!port) throw new Error('no port handed over');
    ports.push(port);
    port.onmessage = (event: MessageEvent) => {
      const message = event.data as { type: string; context: SidebarContextInput };
      expect(message.type).toBe('crm:context');
      threads.push(message.context.threadId);
    };
    return { posted, threads };
  };
  const ports: MessagePort[] = [];
  return { window, sidebar, controller, iframe, load, closePorts: () => ports.forEach((p) => p.close()) };
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

function closing(h: ReturnType<typeof harness>) {
  close = async () => {
    h.closePorts();
    await h.window.happyDOM.close();
  };
}

describe('createSidebarFrame: handing threads to the frame', () => {
  it('names the first thread in the src, then hands later ones over through the channel without touching the src', async () => {
    const h = harness();
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    const src = h.iframe()?.getAttribute('src') ?? '';
    expect(decodeSidebarContext(new URL(src).hash)?.threadId).toBe('t1');
    const { posted, threads } = h.load();

    h.sidebar.show(thread('t2', 'b@client.example'));
    // The same thread again (Gmail re-rendering it) is not handed over twice.
    h.sidebar.show(thread('t2', 'b@client.example'));
    h.sidebar.show(thread('t3', 'c@client.example'));
    // One channel keeps its order: t3 arriving right after t2 shows t2 went once.
    await vi.waitFor(() => expect(threads).toEqual(['t2', 't3']));
    expect(h.iframe()?.getAttribute('src')).toBe(src);
    expect(posted).toHaveBeenCalledTimes(1);
  });

  it('hands the newest thread to a frame that loads (or reloads) after it was chosen', async () => {
    const h = harness();
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    h.sidebar.show(thread('t2', 'b@client.example'));
    h.sidebar.show(thread('t3', 'c@client.example'));
    const first = h.load();
    await vi.waitFor(() => expect(first.threads).toEqual(['t3']));

    const reloaded = h.load();
    await vi.waitFor(() => expect(reloaded.threads).toEqual(['t3']));
  });

  it('starts afresh after it was hidden: the next thread is in the new frame\'s src', async () => {
    const h = harness();
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    h.load();
    h.sidebar.hide();
    expect(h.iframe()).toBeNull();
    h.sidebar.show(thread('t2', 'b@client.example'));
    expect(decodeSidebarContext(new URL(h.iframe()?.getAttribute('src') ?? '').hash)?.threadId).toBe('t2');
    const { threads } = h.load();
    // Nothing was sent on load: the next thread is the first thing the channel carries.
    h.sidebar.show(thread('t3', 'c@client.example'));
    await vi.waitFor(() => expect(threads).toEqual(['t3']));
  });
});
