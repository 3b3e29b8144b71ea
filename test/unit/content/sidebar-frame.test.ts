import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PARKED_MS, createSidebarFrame } from '../../../lib/content/sidebar-frame';
import { decodeSidebarContext, type SidebarContextInput } from '../../../lib/messaging/sidebar-context';

/** The per-session URL Chrome gives a `use_dynamic_url` resource; its document ends up at the extension's own origin. */
const SIDEBAR = 'chrome-extension://6ad7e3cd-1849-4188-8576-cb89e7d5abfe/sidebar.html';
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const KEY = 'k'.repeat(43);
const thread = (threadId: string, email: string): SidebarContextInput => ({
  site: 'gmail', threadId, subject: `About ${threadId}`, participants: [{ name: '', email }],
});

function harness(key: () => Promise<string> = async () => KEY) {
  const window = new Window({ url: 'https://mail.google.com/mail/u/0/#inbox' });
  const doc = window.document as unknown as Document;
  const controller = new AbortController();
  const sidebar = createSidebarFrame({
    doc,
    signal: controller.signal,
    sidebarUrl: SIDEBAR,
    frameOrigin: ORIGIN,
    key,
    room: { reserve: () => undefined, release: () => undefined, top: () => 0 },
    collapsed: { get: async () => false, set: async () => undefined },
    bodyText: () => 'The open messages.',
  });
  const iframe = () => doc.querySelector<HTMLIFrameElement>('iframe[data-crm-overlay="sidebar"]');
  const ports: MessagePort[] = [];
  /**
   * Marks the frame (re)loaded, with a window that records what is posted to it, and returns
   * what then reaches it through the channel it is handed with the key: threads by id,
   * `parked`, or the other messages' types.
   */
  const load = async () => {
    const frame = iframe();
    if (!frame) throw new Error('no frame');
    const posted = vi.fn();
    Object.defineProperty(frame, 'contentWindow', { value: { postMessage: posted }, configurable: true });
    frame.dispatchEvent(new window.Event('load') as unknown as Event);
    await vi.waitFor(() => expect(posted).toHaveBeenCalledTimes(1));
    const [hello, origin, transfer] = posted.mock.calls[0] as [unknown, string, MessagePort[]];
    // The key goes only to a document at the extension's origin, not the per-session URL's.
    expect(hello).toEqual({ type: 'crm:port', key: KEY });
    expect(origin).toBe(ORIGIN);
    const threads: string[] = [];
    const port = transfer[0];
    if (!port) throw new Error('no port handed over');
    ports.push(port);
    port.onmessage = (event: MessageEvent) => {
      const message = event.data as { type: string; context?: SidebarContextInput };
      threads.push(message.type === 'crm:context' ? (message.context?.threadId ?? '?') : message.type === 'crm:park' ? 'parked' : message.type);
    };
    return { posted, threads, port };
  };
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
  it('loads the per-session URL with the first thread in its hash, hands it over the channel too, then later ones without touching the src', async () => {
    const h = harness();
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    const src = h.iframe()?.getAttribute('src') ?? '';
    expect(src.startsWith(`${SIDEBAR}#`)).toBe(true);
    expect(decodeSidebarContext(new URL(src).hash)?.threadId).toBe('t1');
    const { posted, threads } = await h.load();

    h.sidebar.show(thread('t2', 'b@client.example'));
    // The same thread again (Gmail re-rendering it) is not handed over twice.
    h.sidebar.show(thread('t2', 'b@client.example'));
    h.sidebar.show(thread('t3', 'c@client.example'));
    // The sidebar shows only what comes through the channel, so the first thread comes that way
    // as well; one channel keeps its order: t3 right after t2 shows t2 went once.
    await vi.waitFor(() => expect(threads).toEqual(['t1', 't2', 't3']));
    expect(h.iframe()?.getAttribute('src')).toBe(src);
    expect(posted).toHaveBeenCalledTimes(1);
  });

  it('hands the newest thread to a frame that loads (or reloads) after it was chosen', async () => {
    const h = harness();
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    h.sidebar.show(thread('t2', 'b@client.example'));
    h.sidebar.show(thread('t3', 'c@client.example'));
    const first = await h.load();
    await vi.waitFor(() => expect(first.threads).toEqual(['t3']));

    // A reload, or the page pointing the frame at another URL: a new channel, and the open thread again.
    const reloaded = await h.load();
    await vi.waitFor(() => expect(reloaded.threads).toEqual(['t3']));
  });

  it('puts the frame away while no thread is open, and hands it the next thread without loading it again', async () => {
    const h = harness();
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    const { posted, threads } = await h.load();
    const element = h.iframe();
    h.sidebar.hide();
    // Out of the contract's reach and of the page's layout, and told to show nothing.
    expect(h.iframe()).toBeNull();
    expect(h.sidebar.shown).toBe(false);
    const parkedFrame = h.window.document.querySelector('iframe[data-crm-overlay="sidebar-parked"]');
    expect(parkedFrame).toBe(element);
    expect((parkedFrame?.parentElement as HTMLElement | null)?.style.getPropertyValue('display')).toBe('none');
    expect(h.window.document.querySelector('[data-crm-overlay="sidebar-tab"]')).toBeNull();
    await vi.waitFor(() => expect(threads).toEqual(['t1', 'parked']));
    // The same thread again is handed over again: the frame showed nothing meanwhile.
    h.sidebar.show(thread('t1', 'a@client.example'));
    expect(h.iframe()).toBe(element);
    expect(h.sidebar.shown).toBe(true);
    expect((element?.parentElement as HTMLElement | null)?.style.getPropertyValue('display')).toBe('block');
    await vi.waitFor(() => expect(threads).toEqual(['t1', 'parked', 't1']));
    expect(posted).toHaveBeenCalledTimes(1);
  });

  it('removes a frame put away for too long: the next thread is in a new frame\'s src', async () => {
    vi.useFakeTimers();
    try {
      const h = harness();
      closing(h);
      h.sidebar.show(thread('t1', 'a@client.example'));
      await h.load();
      h.sidebar.hide();
      vi.advanceTimersByTime(PARKED_MS);
      expect(h.window.document.querySelector('iframe')).toBeNull();
      h.sidebar.show(thread('t2', 'b@client.example'));
      expect(decodeSidebarContext(new URL(h.iframe()?.getAttribute('src') ?? '').hash)?.threadId).toBe('t2');
    } finally {
      vi.useRealTimers();
    }
  });

  it('never shows a frame put away while loading its park after the thread it shows next', async () => {
    const h = harness();
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    h.sidebar.hide();
    h.sidebar.show(thread('t2', 'b@client.example'));
    const { posted, threads } = await h.load();
    // Only the port went by window message; the channel carries the newest thread and no park.
    expect(posted).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(threads).toEqual(['t2']));
  });

  it('links a frame that loaded before the key came as soon as it comes, and sends nothing without it', async () => {
    let give: (key: string) => void = () => undefined;
    const h = harness(() => new Promise<string>((done) => (give = done)));
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    h.sidebar.reveal({ type: 'crm:focus-note' }, true);
    const frame = h.iframe();
    if (!frame) throw new Error('no frame');
    const posted = vi.fn();
    Object.defineProperty(frame, 'contentWindow', { value: { postMessage: posted }, configurable: true });
    frame.dispatchEvent(new h.window.Event('load') as unknown as Event);
    await new Promise((done) => setTimeout(done, 20));
    expect(posted).not.toHaveBeenCalled();
    give(KEY);
    await vi.waitFor(() => expect(posted).toHaveBeenCalledTimes(1));
    expect(posted.mock.calls[0]?.[0]).toEqual({ type: 'crm:port', key: KEY });
  });

  it('asks for the key again for a frame that loads after asking failed', async () => {
    let asked = 0;
    const h = harness(async () => {
      asked += 1;
      if (asked === 1) throw new Error('the worker is starting');
      return KEY;
    });
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    const frame = h.iframe();
    if (!frame) throw new Error('no frame');
    const posted = vi.fn();
    Object.defineProperty(frame, 'contentWindow', { value: { postMessage: posted }, configurable: true });
    frame.dispatchEvent(new h.window.Event('load') as unknown as Event);
    await vi.waitFor(() => expect(posted).toHaveBeenCalledTimes(1), { timeout: 3_000 });
    expect(posted.mock.calls[0]?.[0]).toEqual({ type: 'crm:port', key: KEY });
    expect(asked).toBe(2);
  });
});

describe('createSidebarFrame: what goes through the channel besides threads', () => {
  it('answers the sidebar\'s request for the messages\' text on the channel, and nothing posted to the page\'s window', async () => {
    const h = harness();
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    const { port, posted } = await h.load();
    const answers: unknown[] = [];
    port.addEventListener('message', (event: MessageEvent) => {
      if ((event.data as { type?: string }).type === 'crm:body') answers.push(event.data);
    });
    port.postMessage({ type: 'crm:request-body', requestId: 'r1' });
    await vi.waitFor(() => expect(answers).toEqual([{ type: 'crm:body', requestId: 'r1', text: 'The open messages.' }]));
    // A request as a window message (which a page script can send too) gets no answer.
    const frameWindow = h.iframe()?.contentWindow;
    h.window.dispatchEvent(new h.window.MessageEvent('message', { data: { type: 'crm:request-body', requestId: 'r2' }, origin: ORIGIN, source: frameWindow as never }));
    await new Promise((done) => setTimeout(done, 20));
    expect(answers).toHaveLength(1);
    expect(posted).toHaveBeenCalledTimes(1);
  });

  it('sends the note shortcut and the banner\'s risk request through the channel, kept until the frame is linked', async () => {
    const h = harness();
    closing(h);
    h.sidebar.show(thread('t1', 'a@client.example'));
    h.sidebar.reveal({ type: 'crm:show-risk' }, false);
    const { threads, posted } = await h.load();
    h.sidebar.reveal({ type: 'crm:focus-note' }, true);
    await vi.waitFor(() => expect(threads).toEqual(['t1', 'crm:show-risk', 'crm:focus-note']));
    expect(posted).toHaveBeenCalledTimes(1);
  });
});
