import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PARKED_MS, createSidebarFrame } from '../../../lib/content/sidebar-frame';
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
      const message = event.data as { type: string; context?: SidebarContextInput };
      expect(['crm:context', 'crm:park']).toContain(message.type);
      threads.push(message.context?.threadId ?? 'parked');
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

  it('puts the frame away while no thread is open, and hands it the next thread without loading it again', async () => {
    const h = harness();
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    const { posted, threads } = h.load();
    const element = h.iframe();
    h.sidebar.hide();
    // Out of the contract's reach and of the page's layout, and told to show nothing.
    expect(h.iframe()).toBeNull();
    expect(h.sidebar.shown).toBe(false);
    const parkedFrame = h.window.document.querySelector('iframe[data-crm-overlay="sidebar-parked"]');
    expect(parkedFrame).toBe(element);
    expect((parkedFrame?.parentElement as HTMLElement | null)?.style.getPropertyValue('display')).toBe('none');
    expect(h.window.document.querySelector('[data-crm-overlay="sidebar-tab"]')).toBeNull();
    await vi.waitFor(() => expect(threads).toEqual(['parked']));
    // The same thread again is handed over again: the frame showed nothing meanwhile.
    h.sidebar.show(thread('t1', 'a@client.example'));
    expect(h.iframe()).toBe(element);
    expect(h.sidebar.shown).toBe(true);
    expect((element?.parentElement as HTMLElement | null)?.style.getPropertyValue('display')).toBe('block');
    await vi.waitFor(() => expect(threads).toEqual(['parked', 't1']));
    expect(posted).toHaveBeenCalledTimes(1);
  });

  it('removes a frame put away for too long: the next thread is in a new frame\'s src', async () => {
    vi.useFakeTimers();
    try {
      const h = harness();
      closing(h);
      h.sidebar.show(thread('t1', 'a@client.example'));
      h.load();
      h.sidebar.hide();
      vi.advanceTimersByTime(PARKED_MS);
      expect(h.window.document.querySelector('iframe')).toBeNull();
      h.sidebar.show(thread('t2', 'b@client.example'));
      expect(decodeSidebarContext(new URL(h.iframe()?.getAttribute('src') ?? '').hash)?.threadId).toBe('t2');
    } finally {
      vi.useRealTimers();
    }
  });

  it('never shows a frame put away while loading its park after the thread it shows next', () => {
    const h = harness();
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    h.sidebar.hide();
    h.sidebar.show(thread('t2', 'b@client.example'));
    const { posted, threads } = h.load();
    // Only the port went by window message; the channel carries the newest thread and no park.
    expect(posted).toHaveBeenCalledTimes(1);
    return vi.waitFor(() => expect(threads).toEqual(['t2']));
  });
});
