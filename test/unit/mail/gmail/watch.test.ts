import { afterEach, describe, expect, it } from 'vitest';
import { GMAIL_FIXTURES as F } from '../../../../lib/mail/gmail/fixtures';
import { EXPECTED_LISTS } from './expected-lists';
import { EXPECTED_THREADS } from './expected-threads';
import { startWatching } from './watch-harness';

let open: ReturnType<typeof startWatching>[] = [];
const watch = (fixture: string) => { const w = startWatching(fixture); open.push(w); return w; };
afterEach(() => { open.forEach((w) => { w.controller.abort(); w.window.close(); }); open = []; });

function cloneRow(w: ReturnType<typeof startWatching>, n: number): Element {
  const row = w.doc.querySelector('tr.zA')!.cloneNode(true) as Element;
  row.querySelector('[data-legacy-thread-id]')?.setAttribute('data-legacy-thread-id', `18c9${String(n).padStart(12, '0')}`);
  return row;
}

describe('watchGmail', () => {
  it('reads the open thread once at start and reports that no list is shown', async () => {
    const w = watch(F.threadFive);
    await w.runFrames();
    expect(w.seen.routes.at(-1)).toMatchObject({ kind: 'thread', view: 'inbox' });
    expect(w.seen.thread).toEqual([EXPECTED_THREADS[F.threadFive]]);
    expect(w.seen.list).toEqual([null]);
    expect(w.reads).toEqual({ thread: 1, list: 0, rows: 0 });
  });

  it('reads both list and thread in the reading-pane layout', async () => {
    const w = watch(F.readingPane);
    await w.runFrames();
    expect(w.seen.thread).toEqual([EXPECTED_THREADS[F.readingPane]]);
    expect(w.seen.list).toEqual([EXPECTED_LISTS[F.readingPane]]);
  });

  it('reads from the containers it watches, not from the whole document', async () => {
    const w = watch(F.readingPane);
    await w.runFrames();
    const body = w.doc.querySelector('[gh="tl"] table.F > tbody')!;
    expect(w.roots[0]).toBe(w.doc.querySelector('.a98.iY'));
    // Then each conversation of the list, from its own first row.
    expect(w.roots.slice(1)).toEqual([...body.querySelectorAll('tr.zA')]);
  });

  it('does not read when mutations happen outside the watched containers', async () => {
    const w = watch(F.inboxTabs);
    await w.runFrames();
    w.resetCounts();
    w.doc.querySelector('[role="navigation"]')!.append(w.doc.createElement('div'));
    w.doc.querySelector('header')!.setAttribute('class', 'gb_Ea changed');
    w.doc.querySelector('[gh="mtb"]')!.append(w.doc.createElement('span'));
    w.doc.body.append(w.doc.createElement('div'));
    await w.settle();
    expect(w.frames).toHaveLength(0);
    await w.runFrames();
    expect(w.reads).toEqual({ thread: 0, list: 0, rows: 0 });
  });

  it('ignores attribute changes in the list that cannot change what is read', async () => {
    const w = watch(F.inboxTabs);
    await w.runFrames();
    w.resetCounts();
    // Selecting a row or ticking its checkbox changes classes and aria state only.
    w.doc.querySelector('tr.zA')!.classList.add('x7');
    w.doc.querySelector('tr.zA [role="checkbox"]')!.setAttribute('aria-checked', 'true');
    await w.settle();
    expect(w.frames).toHaveLength(0);
    w.doc.querySelector('tr.zA [email]')!.setAttribute('email', 'rina.wijaya@bank-sinar.co.id');
    await w.runFrames();
    expect(w.reads.list).toBe(1);
  });

  it('coalesces a burst of mutations in the list body into one read', async () => {
    const w = watch(F.inboxTabs);
    await w.runFrames();
    w.resetCounts();
    const body = w.doc.querySelector('[gh="tl"] tbody')!;
    // Each append settles, so the observer is called 25 times, as when Gmail renders row by row.
    for (let i = 0; i < 25; i++) {
      body.append(cloneRow(w, i));
      await w.settle();
    }
    expect(w.frames).toHaveLength(1);
    await w.runFrames();
    // One read, of the 25 new rows only.
    expect(w.reads).toEqual({ thread: 0, list: 1, rows: 25 });
    const last = w.seen.list.at(-1);
    expect(last?.ok && last.value).toHaveLength(4 + 25);
  });

  it('re-reads the thread when a message is expanded', async () => {
    const w = watch(F.threadFive);
    await w.runFrames();
    w.resetCounts();
    w.doc.querySelector('[role="listitem"][aria-expanded="false"]')!.setAttribute('aria-expanded', 'true');
    await w.runFrames();
    expect(w.reads.thread).toBe(1);
    const last = w.seen.thread.at(-1);
    expect(last?.ok && last.value.messages.map((m) => m.expanded)).toEqual([true, false, true, false, true]);
  });

  it('notices Gmail swapping the list body and watches the new one', async () => {
    const w = watch(F.inboxTabs);
    await w.runFrames();
    w.resetCounts();
    const old = w.doc.querySelector('[gh="tl"] tbody')!;
    const replacement = old.cloneNode(true) as Element;
    replacement.lastElementChild?.remove();
    old.replaceWith(replacement);
    await w.runFrames();
    const afterSwap = w.seen.list.at(-1);
    expect(afterSwap?.ok && afterSwap.value).toHaveLength(3);
    replacement.append(cloneRow(w, 1));
    await w.runFrames();
    const afterAppend = w.seen.list.at(-1);
    expect(afterAppend?.ok && afterAppend.value).toHaveLength(4);
  });

  it('on a view change drops the old containers and reports the thread closed', async () => {
    const w = watch(F.readingPane);
    await w.runFrames();
    const pane = w.doc.querySelector('.a98.iY')!;
    pane.remove();
    w.navigate('#inbox');
    await w.runFrames();
    expect(w.seen.routes.at(-1)).toMatchObject({ kind: 'list', view: 'inbox' });
    expect(w.seen.thread.at(-1)).toBeNull();
    w.resetCounts();
    pane.querySelector('[role="list"]')!.append(w.doc.createElement('div'));
    await w.runFrames();
    expect(w.reads.thread).toBe(0);
  });

  it('reads a view change at once when its containers are already there, without waiting for a frame', async () => {
    const w = watch(F.readingPane);
    await w.runFrames();
    w.resetCounts();
    // The page swapped the open thread, then changed the hash.
    const subject = w.doc.querySelector('h2[data-legacy-thread-id]')!;
    subject.setAttribute('data-legacy-thread-id', '18c4100000000abc');
    w.navigate('#inbox/18c4100000000abc');
    await Promise.resolve();
    await Promise.resolve();
    expect(w.frames).toHaveLength(0);
    expect(w.reads.thread).toBe(1);
    const last = w.seen.thread.at(-1);
    expect(last?.ok && last.value.threadId).toBe('18c4100000000abc');
    // The churn of an open view still waits for the next frame.
    await w.runFrames();
    w.resetCounts();
    w.doc.querySelector('[role="listitem"][aria-expanded="false"]')!.setAttribute('aria-expanded', 'true');
    await w.settle();
    expect(w.frames).toHaveLength(1);
    expect(w.reads.thread).toBe(0);
  });

  it('takes in a view whose main region Gmail swapped in, before the hashchange event, and not again after it', async () => {
    const w = watch(F.readingPane);
    await w.runFrames();
    w.resetCounts();
    const main = w.doc.querySelector('[role="main"]')!;
    const next = main.cloneNode(true) as Element;
    next.querySelector('h2[data-legacy-thread-id]')!.setAttribute('data-legacy-thread-id', '18c4100000000def');
    // As the page does it: the new region in, the URL changed, in one task; the event comes later.
    main.replaceWith(next);
    w.window.happyDOM.setURL(`${w.window.location.href.split('#')[0]}#inbox/18c4100000000def`);
    await Promise.resolve();
    await Promise.resolve();
    expect(w.frames).toHaveLength(0);
    expect(w.seen.routes.at(-1)).toMatchObject({ kind: 'thread', view: 'inbox' });
    const last = w.seen.thread.at(-1);
    expect(last?.ok && last.value.threadId).toBe('18c4100000000def');
    const reads = { ...w.reads };
    const routes = w.seen.routes.length;
    w.window.dispatchEvent(new w.window.HashChangeEvent('hashchange'));
    await w.runFrames();
    expect(w.reads).toEqual(reads);
    expect(w.seen.routes).toHaveLength(routes);
    // The new region is the one watched now.
    next.querySelector('[role="listitem"][aria-expanded="false"]')!.setAttribute('aria-expanded', 'true');
    await w.runFrames();
    expect(w.reads.thread).toBe(reads.thread + 1);
  });

  it('answers not-recognised, without throwing, when the containers never appear', async () => {
    const w = watch(F.unrecognised);
    await w.runFrames();
    expect(w.seen.thread).toEqual([{ ok: false, reason: 'not-recognised', failed: ['threadContainer'] }]);
    expect(w.seen.list).toEqual([null]);
  });

  it('while waiting for an expected container, reads the ones found once, not every frame', async () => {
    const w = startWatching(F.inboxTabs, 6, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx');
    open.push(w);
    await w.runFrames();
    expect(w.reads).toEqual({ thread: 1, list: 1, rows: 4 });
    expect(w.seen.thread).toEqual([{ ok: false, reason: 'not-recognised', failed: ['threadContainer'] }]);
    expect(w.seen.list).toEqual([EXPECTED_LISTS[F.inboxTabs]]);
  });

  it('disconnects everything on abort', async () => {
    const w = watch(F.readingPane);
    await w.runFrames();
    expect(w.live.size).toBeGreaterThan(0);
    w.doc.querySelector('[gh="tl"] tbody')!.append(cloneRow(w, 2));
    w.controller.abort();
    expect(w.live.size).toBe(0);
    expect(w.frames).toHaveLength(0);
    w.resetCounts();
    const routes = w.seen.routes.length;
    w.doc.querySelector('[role="list"]')!.append(w.doc.createElement('div'));
    w.navigate('#sent');
    await w.runFrames();
    expect(w.reads).toEqual({ thread: 0, list: 0, rows: 0 });
    expect(w.seen.routes).toHaveLength(routes);
  });
});
