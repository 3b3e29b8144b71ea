import { describe, expect, it, vi } from 'vitest';
import { watchOutlook } from '../../../../lib/mail/outlook/watch';
import { openFixture } from './fixture-page';
import { CONV, OPTS } from './people.fixture';
import { settle, start, threadIdOf } from './watch-harness';

const RIGHT = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent(CONV.dewi)}`;

describe('watchOutlook', () => {
  it('reads once at start and reports the route and the thread', async () => {
    const w = start('inbox-pane-right.html', RIGHT);
    await w.idle();
    expect(w.read).toHaveBeenCalledTimes(1);
    expect(w.routes).toEqual([{ kind: 'item', mailbox: '', folder: 'inbox', itemId: CONV.dewi }]);
    expect(w.threads).toHaveLength(1);
    expect(threadIdOf(w.threads[0])).toBe(CONV.dewi);
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
    expect(threadIdOf(w.threads.at(-1))).toBe(CONV.sergei);
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

  it('reads a location change at once, in a microtask, when the new URL is committed by then', async () => {
    const w = start('inbox-pane-right.html', RIGHT);
    await w.idle();
    const reads = w.read.mock.calls.length;
    w.navigate(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent(CONV.sergei)}`);
    await Promise.resolve();
    expect(w.routes.at(-1)).toEqual({ kind: 'item', mailbox: '', folder: 'inbox', itemId: CONV.sergei });
    expect(w.read).toHaveBeenCalledTimes(reads + 1);
    expect(w.frames.pending).toBe(0);
  });

  it('reads the new URL even when the location event fires before the URL is committed', async () => {
    const w = start('inbox-pane-right.html', RIGHT);
    await w.idle();
    const next = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent(CONV.sergei)}`;
    // The Navigation API's navigate event (behind wxt:locationchange) comes before the URL changes.
    w.listeners.forEach((l) => l());
    // Not committed in the microtask: the URL is left for the frame to read.
    await Promise.resolve();
    expect(w.routes).toHaveLength(1);
    expect(w.frames.pending).toBe(1);
    w.win.history.pushState({}, '', next);
    await w.idle();
    expect(w.routes.at(-1)).toEqual({ kind: 'item', mailbox: '', folder: 'inbox', itemId: CONV.sergei });
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
    const page = openFixture('inbox-pane-right.html', RIGHT);
    const subscribe = vi.fn(() => () => {});
    watchOutlook(page.doc, AbortSignal.abort(), {}, { ...OPTS, subscribeLocation: subscribe, schedule: () => () => {} });
    expect(subscribe).not.toHaveBeenCalled();
    page.close();
  });
});
