import { afterEach, describe, expect, it, vi } from 'vitest';
import { readThread } from '../../../../lib/mail/outlook/read-thread';
import type { OutlookRoute } from '../../../../lib/mail/outlook/routes';
import type { OutlookThreadContext } from '../../../../lib/mail/outlook/types';
import { watchOutlook } from '../../../../lib/mail/outlook/watch';
import type { ReadResult } from '../../../../lib/mail/types';
import { openFixture, type FixturePage } from './fixture-page';
import { CONV, OPTS } from './people.fixture';

/** Animation frames run by hand, so a test decides when "the next frame" is. */
function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    schedule(fn: () => void) {
      queue.push(fn);
      return () => { const at = queue.indexOf(fn); if (at >= 0) queue.splice(at, 1); };
    },
    run() { queue.splice(0).forEach((fn) => fn()); },
    get pending() { return queue.length; },
  };
}

/** Lets the page deliver its mutation records (they arrive after the current task). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let page: FixturePage | null = null;
afterEach(() => { page?.close(); page = null; vi.restoreAllMocks(); });

function start(fixture: string, url: string, locateFrames = 600) {
  page = openFixture(fixture, url);
  const { doc, win } = page;
  const frames = manualFrames();
  const listeners = new Set<() => void>();
  const read = vi.fn(readThread);
  const threads: (ReadResult<OutlookThreadContext> | null)[] = [];
  const routes: (OutlookRoute | null)[] = [];
  const observed = new Set<unknown>();
  const disconnected = new Set<unknown>();
  const proto = win.MutationObserver.prototype;
  const observe = proto.observe;
  const disconnect = proto.disconnect;
  vi.spyOn(proto, 'observe').mockImplementation(function (this: unknown, ...args: Parameters<typeof observe>) { observed.add(this); disconnected.delete(this); return observe.apply(this, args); });
  vi.spyOn(proto, 'disconnect').mockImplementation(function (this: unknown) { disconnected.add(this); return disconnect.apply(this); });
  const controller = new AbortController();
  watchOutlook(doc, controller.signal, { onThread: (t) => threads.push(t), onRoute: (r) => routes.push(r) }, {
    ...OPTS,
    locateFrames,
    schedule: frames.schedule,
    readers: { thread: read },
    subscribeLocation: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
  });
  const navigate = (to: string) => { win.history.pushState({}, '', to); listeners.forEach((l) => l()); };
  /** Delivers pending mutations and runs frames until none is asked for. */
  const idle = async (max = 20) => { for (let i = 0; i < max; i++) { await settle(); if (frames.pending === 0) return; frames.run(); } };
  return { doc, win, frames, read, threads, routes, controller, listeners, observed, disconnected, navigate, idle };
}

const RIGHT = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent(CONV.dewi)}`;

describe('watchOutlook', () => {
  it('reads once at start and reports the route and the thread', async () => {
    const w = start('inbox-pane-right.html', RIGHT);
    await w.idle();
    expect(w.read).toHaveBeenCalledTimes(1);
    expect(w.routes).toEqual([{ kind: 'item', mailbox: '', folder: 'inbox', itemId: CONV.dewi }]);
    expect(w.threads).toHaveLength(1);
    expect(w.threads[0]?.ok && w.threads[0].value.threadId).toBe(CONV.dewi);
  });

  it('ignores mutations outside the reading pane and the selected row', async () => {
    const w = start('inbox-pane-right.html', RIGHT);
    await w.idle();
    const selected = w.doc.querySelector('[role="option"][aria-selected="true"]')!;
    const other = w.doc.querySelectorAll('[role="option"]')[2]!;
    w.doc.querySelector('[role="tree"]')!.append(w.doc.createElement('div'));
    w.doc.querySelector('[role="listbox"]')!.append(other.cloneNode(true));
    other.classList.add('hovered');
    other.setAttribute('aria-label', 'Unread …');
    selected.classList.add('focused');
    selected.querySelector('.FqgPc')!.textContent = 'preview changed';
    w.doc.querySelector('#o365header')!.setAttribute('data-x', '1');
    await w.idle();
    expect(w.read).toHaveBeenCalledTimes(1);
    expect(w.frames.pending).toBe(0);
  });

  it('coalesces a burst of pane mutations into one read on the next frame', async () => {
    const w = start('inbox-pane-right.html', RIGHT);
    await w.idle();
    const body = w.doc.querySelector('[id^="UniqueMessageBody"]')!;
    for (let i = 0; i < 50; i++) body.append(w.doc.createElement('img'));
    w.doc.querySelector('[role="listitem"]')!.setAttribute('aria-expanded', 'false');
    await settle();
    expect(w.frames.pending).toBe(1);
    await w.idle();
    expect(w.read).toHaveBeenCalledTimes(2);
    // The thread read the same, so no second report.
    expect(w.threads).toHaveLength(1);
  });

  it('reads when the selection moves, then watches the newly selected row', async () => {
    const w = start('inbox-pane-right.html', RIGHT);
    await w.idle();
    const rows = w.doc.querySelectorAll('[role="option"]');
    rows[0]!.setAttribute('aria-selected', 'false');
    rows[1]!.setAttribute('aria-selected', 'true');
    await w.idle();
    expect(w.read).toHaveBeenCalledTimes(2);
    expect(w.threads.at(-1)?.ok && w.threads.at(-1)?.ok && (w.threads.at(-1) as { value: OutlookThreadContext }).value.threadId).toBe(CONV.sergei);
    rows[1]!.setAttribute('aria-selected', 'false');
    await w.idle();
    expect(w.read).toHaveBeenCalledTimes(3);
  });

  it('re-finds the pane on a location change and when Outlook replaces it', async () => {
    const w = start('inbox-pane-right.html', RIGHT);
    await w.idle();
    w.navigate(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent(CONV.sergei)}`);
    await w.idle();
    expect(w.routes.at(-1)).toEqual({ kind: 'item', mailbox: '', folder: 'inbox', itemId: CONV.sergei });
    expect(w.read).toHaveBeenCalledTimes(2);
    const old = w.doc.querySelector('#ReadingPaneContainerId')!;
    const fresh = old.cloneNode(true) as Element;
    old.replaceWith(fresh);
    await w.idle();
    expect(w.read).toHaveBeenCalledTimes(3);
    fresh.querySelector('[id^="UniqueMessageBody"]')!.append(w.doc.createElement('p'));
    await w.idle();
    expect(w.read).toHaveBeenCalledTimes(4);
  });

  it('reports no thread for a list view whose pane is empty', async () => {
    const w = start('inbox-pane-right.html', 'https://outlook.office.com/mail/inbox');
    w.doc.querySelector('#ReadingPaneContainerId')!.replaceChildren();
    await w.idle();
    expect(w.threads).toEqual([null]);
    expect(w.read).not.toHaveBeenCalled();
  });

  it('waits, without re-creating observers, for a conversation still being drawn', async () => {
    const w = start('inbox-pane-right.html', RIGHT);
    const pane = w.doc.querySelector('#ReadingPaneContainerId')!;
    const drawn = Array.from(pane.childNodes);
    pane.replaceChildren();
    for (let i = 0; i < 5; i++) { await settle(); w.frames.run(); }
    expect(w.threads).toEqual([]);
    expect(w.frames.pending).toBe(1);
    const observers = w.observed.size;
    pane.append(...drawn);
    await w.idle();
    expect(w.observed.size).toBe(observers);
    expect(w.threads).toHaveLength(1);
    expect(w.threads[0]?.ok).toBe(true);
  });

  it('reports not-recognised when an item is open but the pane never comes', async () => {
    const w = start('unrecognised-layout.html', RIGHT, 3);
    await w.idle();
    expect(w.threads).toEqual([{ ok: false, reason: 'not-recognised', failed: ['readingPane'] }]);
    expect(w.frames.pending).toBe(0);
  });

  it('stops everything on abort: observers disconnected, frame cancelled, location unsubscribed', async () => {
    const w = start('conversation-several-messages.html', `https://outlook.live.com/mail/0/inbox/id/${encodeURIComponent(CONV.budi)}`);
    await w.idle();
    expect(w.observed.size).toBeGreaterThanOrEqual(3);
    w.doc.querySelector('[id^="UniqueMessageBody"]')!.append(w.doc.createElement('p'));
    await settle();
    expect(w.frames.pending).toBe(1);
    w.controller.abort();
    expect(w.frames.pending).toBe(0);
    expect([...w.observed].every((o) => w.disconnected.has(o))).toBe(true);
    expect(w.listeners.size).toBe(0);
    const reads = w.read.mock.calls.length;
    w.doc.querySelector('[role="listitem"]')!.setAttribute('aria-expanded', 'true');
    w.win.history.pushState({}, '', 'https://outlook.live.com/mail/0/');
    await w.idle();
    expect(w.read).toHaveBeenCalledTimes(reads);
  });

  it('does nothing when the signal is already aborted', async () => {
    page = openFixture('inbox-pane-right.html', RIGHT);
    const subscribe = vi.fn(() => () => {});
    watchOutlook(page.doc, AbortSignal.abort(), {}, { ...OPTS, subscribeLocation: subscribe, schedule: () => () => {} });
    expect(subscribe).not.toHaveBeenCalled();
  });
});
