import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFrameLink, type FrameLink } from '../../../lib/sidebar/frame-link';
import type { FrameMessage } from '../../../lib/messaging/sidebar-context';

const KEY = 'k'.repeat(43);
const MAIL = 'https://mail.google.com';
const context = (threadId: string) => ({ site: 'gmail', threadId, subject: '', participants: [{ name: '', email: `${threadId}@client.example` }] });

type Listener = (event: Pick<MessageEvent, 'source' | 'origin' | 'data' | 'ports'>) => void;

/** A framed sidebar's window: its parent, and a way to deliver window messages to it. */
function framedWindow() {
  const parent = {};
  let listener: Listener = () => undefined;
  const win = { parent, addEventListener: (_: string, l: Listener) => void (listener = l) };
  return {
    win: win as unknown as Window,
    parent,
    deliver: (data: unknown, options: { source?: unknown; origin?: string; port?: MessagePort } = {}) =>
      listener({ source: (options.source ?? parent) as MessageEventSource, origin: options.origin ?? MAIL, data, ports: options.port ? [options.port] : [] }),
  };
}

const open: MessagePort[] = [];
afterEach(() => {
  open.splice(0).forEach((port) => port.close());
});

/** A channel as a content script (or a page script) would offer it: our end, and the end to hand over. */
function channel(): { ours: MessagePort; theirs: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  return { ours: port1, theirs: port2 };
}

function heard(link: FrameLink): (FrameMessage | null)[] {
  const messages: (FrameMessage | null)[] = [];
  link.listen((message) => messages.push(message));
  return messages;
}

const pause = () => new Promise((done) => setTimeout(done, 30));

describe('the sidebar\'s private channel', () => {
  it('takes threads only through a port offered by the hosting page with the session\'s key, and talks back through it alone', async () => {
    const frame = framedWindow();
    const link = createFrameLink(frame.win, async () => KEY);
    const messages = heard(link);
    expect(link.send({ type: 'crm:request-body', requestId: 'r0' })).toBe(false);

    const content = channel();
    // Sent right after the offer, before the sidebar has proven it: they wait in the port.
    frame.deliver({ type: 'crm:port', key: KEY }, { port: content.theirs });
    content.ours.postMessage({ type: 'crm:context', context: context('t1') });
    await vi.waitFor(() => expect(messages).toEqual([expect.objectContaining({ type: 'crm:context', context: expect.objectContaining({ threadId: 't1' }) })]));

    const answers: unknown[] = [];
    content.ours.onmessage = (event) => answers.push(event.data);
    expect(link.send({ type: 'crm:request-body', requestId: 'r1' })).toBe(true);
    await vi.waitFor(() => expect(answers).toEqual([{ type: 'crm:request-body', requestId: 'r1' }]));
  });

  it.each<[string, unknown]>([
    ['no key', { type: 'crm:port' }],
    ['an empty key', { type: 'crm:port', key: '' }],
    ['a guessed key', { type: 'crm:port', key: 'g'.repeat(43) }],
    ['a key that is no string', { type: 'crm:port', key: 42 }],
  ])('closes a port offered with %s, before or after the content script\'s, and hears nothing from it', async (_, offer) => {
    const frame = framedWindow();
    const link = createFrameLink(frame.win, async () => KEY);
    const messages = heard(link);
    const page = channel();
    frame.deliver(offer, { port: page.theirs });
    page.ours.postMessage({ type: 'crm:context', context: context('forged-before') });
    const content = channel();
    frame.deliver({ type: 'crm:port', key: KEY }, { port: content.theirs });
    content.ours.postMessage({ type: 'crm:context', context: context('real') });
    const late = channel();
    frame.deliver(offer, { port: late.theirs });
    late.ours.postMessage({ type: 'crm:context', context: context('forged-after') });
    page.ours.postMessage({ type: 'crm:park' });
    await pause();
    expect(messages.map((m) => (m?.type === 'crm:context' ? m.context.threadId : m?.type))).toEqual(['real']);
    // Whatever the sidebar sends goes to the content script's end only.
    const toPage = vi.fn();
    page.ours.onmessage = toPage;
    late.ours.onmessage = toPage;
    link.send({ type: 'crm:request-body', requestId: 'r1' });
    await pause();
    expect(toPage).not.toHaveBeenCalled();
  });

  it.each<[string, { source?: unknown; origin?: string }]>([
    ['another window', { source: {} }],
    ['a page at another origin', { origin: 'https://evil.example' }],
    ['the extension itself', { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' }],
  ])('ignores a port offered by %s, even with the key', async (_, from) => {
    const frame = framedWindow();
    const link = createFrameLink(frame.win, async () => KEY);
    const messages = heard(link);
    const other = channel();
    frame.deliver({ type: 'crm:port', key: KEY }, { ...from, port: other.theirs });
    other.ours.postMessage({ type: 'crm:context', context: context('t1') });
    await pause();
    expect(messages).toEqual([]);
    expect(link.send({ type: 'crm:request-body', requestId: 'r1' })).toBe(false);
  });

  it('takes nothing at all when it is not framed (opened as a tab)', async () => {
    const win = { addEventListener: vi.fn() } as unknown as Window & { parent: Window };
    Object.assign(win, { parent: win });
    const link = createFrameLink(win, async () => KEY);
    const listener = (win.addEventListener as ReturnType<typeof vi.fn>).mock.calls[0]?.[1] as Listener;
    const offered = channel();
    listener({ source: win, origin: MAIL, data: { type: 'crm:port', key: KEY }, ports: [offered.theirs] });
    await pause();
    expect(link.send({ type: 'crm:request-body', requestId: 'r1' })).toBe(false);
  });

  it('reads the key again when the first read found none (the session\'s first frame, before the background stored it)', async () => {
    const frame = framedWindow();
    let stored: string | null = null;
    const reads = vi.fn(async () => stored);
    const link = createFrameLink(frame.win, reads);
    const messages = heard(link);
    await pause();
    stored = KEY;
    const content = channel();
    frame.deliver({ type: 'crm:port', key: KEY }, { port: content.theirs });
    content.ours.postMessage({ type: 'crm:park' });
    await vi.waitFor(() => expect(messages).toEqual([{ type: 'crm:park' }]));
    expect(reads).toHaveBeenCalledTimes(2);
    // Once known, a wrong key costs no further read.
    const page = channel();
    frame.deliver({ type: 'crm:port', key: 'g'.repeat(43) }, { port: page.theirs });
    await pause();
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('passes a thread that breaks the contract as unreadable (null) with its data', async () => {
    const frame = framedWindow();
    const link = createFrameLink(frame.win, async () => KEY);
    const seen: unknown[] = [];
    link.listen((message, data) => seen.push([message, data]));
    const content = channel();
    frame.deliver({ type: 'crm:port', key: KEY }, { port: content.theirs });
    content.ours.postMessage({ type: 'crm:context', context: { site: 'gmail' } });
    await vi.waitFor(() => expect(seen).toEqual([[null, { type: 'crm:context', context: { site: 'gmail' } }]]));
  });
});
