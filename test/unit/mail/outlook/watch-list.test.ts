import { describe, expect, it } from 'vitest';
import type { OutlookListRow } from '../../../../lib/mail/outlook/types';
import type { ReadResult } from '../../../../lib/mail/types';
import { CONV } from './people.fixture';
import { settle, start } from './watch-harness';

const INBOX = 'https://outlook.office.com/mail/inbox';
const RIGHT = `${INBOX}/id/${encodeURIComponent(CONV.dewi)}`;
const INBOX_ORDER = [CONV.dewi, CONV.sergei, CONV.nurul, CONV.andrei, CONV.rina, CONV.budi];

/** The conversation ids of a reported list, in row order; `null` when it was not read. */
function rowIds(result: ReadResult<OutlookListRow[]> | null | undefined): string[] | null {
  return result?.ok ? result.value.map((r) => r.threadId) : null;
}

/** A copy of the listbox's first row standing for another conversation from `email`. */
function newRow(doc: Document, convId: string, email: string): Element {
  const row = doc.querySelector('[role="option"]')!.cloneNode(true) as Element;
  row.setAttribute('data-convid', convId);
  row.setAttribute('aria-selected', 'false');
  row.querySelector('span[title*="@"]')!.setAttribute('title', email);
  return row;
}

describe('watchOutlook: list rows', () => {
  it.each([
    ['a folder', INBOX],
    ['an item beside the list', RIGHT],
  ])('reads the rows once at start in %s', async (_, url) => {
    const w = start('inbox-pane-right.html', url);
    await w.idle();
    expect(w.readList).toHaveBeenCalledTimes(1);
    expect(w.lists.map(rowIds)).toEqual([INBOX_ORDER]);
  });

  it('reports rows that appear as the list scrolls, in one read per frame however many arrive', async () => {
    const w = start('inbox-pane-right.html', INBOX);
    await w.idle();
    const list = w.doc.querySelector('[role="listbox"]')!;
    const added = Array.from({ length: 30 }, (_, i) => `CONV-${i}`);
    for (const id of added) list.append(newRow(w.doc, id, `person${id}@client.example`));
    await settle();
    expect(w.frames.pending).toBe(1);
    await w.idle();
    expect(w.readList).toHaveBeenCalledTimes(2);
    // Only the new rows were read.
    expect(w.readRow).toHaveBeenCalledTimes(INBOX_ORDER.length + added.length);
    expect(w.lists.map(rowIds)).toEqual([INBOX_ORDER, [...INBOX_ORDER, ...added]]);
    const last = w.lists.at(-1);
    expect(last?.ok && last.value.at(-1)?.senders).toEqual([{ name: 'Dewi Lestari', email: 'personconv-29@client.example' }]);
  });

  it('reports rows scrolled out of view', async () => {
    const w = start('inbox-pane-right.html', INBOX);
    await w.idle();
    w.doc.querySelectorAll('[role="option"]').forEach((row, i) => { if (i < 3) row.remove(); });
    await w.idle();
    expect(rowIds(w.lists.at(-1))).toEqual(INBOX_ORDER.slice(3));
    expect(w.readRow).toHaveBeenCalledTimes(INBOX_ORDER.length);
  });

  it('ignores hover, focus, aria-label and preview changes inside rows', async () => {
    const w = start('inbox-pane-right.html', INBOX);
    await w.idle();
    const row = w.doc.querySelectorAll('[role="option"]')[2]!;
    row.classList.add('hovered');
    row.setAttribute('aria-label', 'Unread …');
    row.setAttribute('tabindex', '0');
    row.querySelector('.FqgPc')!.textContent = 'preview changed';
    row.querySelector('.hcptT')!.append(w.doc.createElement('span'));
    await w.idle();
    expect(w.readList).toHaveBeenCalledTimes(1);
    expect(w.frames.pending).toBe(0);
  });

  it('re-reads a row re-used for another conversation', async () => {
    const w = start('inbox-pane-right.html', INBOX);
    await w.idle();
    const reused = w.doc.querySelectorAll('[role="option"]')[4]!;
    reused.setAttribute('data-convid', 'CONV-reused');
    reused.querySelector('span[title*="@"]')!.setAttribute('title', 'someone@client.example');
    await w.idle();
    expect(w.readList).toHaveBeenCalledTimes(2);
    expect(w.readRow).toHaveBeenCalledTimes(INBOX_ORDER.length + 1);
    expect(w.readList.mock.calls[1]?.[0].map((r) => r.row)).toEqual([reused]);
    const last = w.lists.at(-1);
    expect(last?.ok && last.value[4]?.senders.map((p) => p.email)).toEqual(['someone@client.example']);
    expect(rowIds(w.lists.at(-1))?.[4]).toBe('CONV-reused');
  });

  it('re-reads when the selection moves, so the selected row is reported', async () => {
    const w = start('inbox-pane-right.html', RIGHT);
    await w.idle();
    const rows = w.doc.querySelectorAll('[role="option"]');
    rows[0]!.setAttribute('aria-selected', 'false');
    rows[1]!.setAttribute('aria-selected', 'true');
    await w.idle();
    const last = w.lists.at(-1);
    expect(last?.ok && last.value.filter((r) => r.selected).map((r) => r.threadId)).toEqual([CONV.sergei]);
    // Selection is read from the rows as they are; no row needed reading again.
    expect(w.readRow).toHaveBeenCalledTimes(INBOX_ORDER.length);
  });

  it('reports nothing new when Outlook redraws the rows as they were, though it reads the new elements', async () => {
    const w = start('inbox-pane-right.html', INBOX);
    await w.idle();
    const list = w.doc.querySelector('[role="listbox"]')!;
    list.replaceChildren(...[...list.children].map((el) => el.cloneNode(true)));
    await w.idle();
    expect(w.readRow).toHaveBeenCalledTimes(2 * INBOX_ORDER.length);
    expect(w.readList).toHaveBeenCalledTimes(2);
    expect(w.lists).toHaveLength(1);
  });

  it('follows a listbox that Outlook replaces, and stops hearing the old one', async () => {
    const w = start('inbox-pane-right.html', INBOX);
    await w.idle();
    const old = w.doc.querySelector('[role="listbox"]')!;
    const parent = old.parentElement!;
    const fresh = old.cloneNode(false) as Element;
    fresh.append(newRow(w.doc, 'CONV-other-folder', 'x@client.example'));
    old.remove();
    // Drawn a few frames later, as a folder switch does: nothing is reported in between.
    for (let i = 0; i < 3; i++) { await settle(); w.frames.run(); }
    expect(w.lists).toHaveLength(1);
    parent.append(fresh);
    await w.idle();
    expect(w.lists.map(rowIds)).toEqual([INBOX_ORDER, ['CONV-other-folder']]);
    const reads = w.readList.mock.calls.length;
    old.append(newRow(w.doc, 'CONV-detached', 'y@client.example'));
    await w.idle();
    expect(w.readList).toHaveBeenCalledTimes(reads);
    fresh.append(newRow(w.doc, 'CONV-next', 'z@client.example'));
    await w.idle();
    expect(rowIds(w.lists.at(-1))).toEqual(['CONV-other-folder', 'CONV-next']);
  });

  it('reports not-recognised when a folder is shown but its list never comes', async () => {
    const w = start('unrecognised-layout.html', INBOX, 3);
    await w.idle();
    expect(w.lists).toEqual([{ ok: false, reason: 'not-recognised', failed: ['messageList'] }]);
    expect(w.frames.pending).toBe(0);
  });

  it('reports no list while a message fills the page (reading pane hidden)', async () => {
    const w = start('reading-full-page.html', `${INBOX}/id/${encodeURIComponent(CONV.nurul)}`, 3);
    await w.idle();
    expect(w.lists).toEqual([null]);
    expect(w.readList).not.toHaveBeenCalled();
    expect(w.threads.at(-1)?.ok).toBe(true);
  });

  it('finds the list again after navigating back from a full-page message', async () => {
    const w = start('inbox-pane-right.html', INBOX);
    await w.idle();
    const list = w.doc.querySelector('[role="listbox"]')!;
    const parent = list.parentElement!;
    list.remove();
    w.navigate(`${INBOX}/id/${encodeURIComponent(CONV.dewi)}`);
    await w.idle();
    expect(w.lists.at(-1)).toBeNull();
    parent.append(list);
    w.navigate(INBOX);
    await w.idle();
    expect(rowIds(w.lists.at(-1))).toEqual(INBOX_ORDER);
  });

  it('disconnects the list observers on abort', async () => {
    const w = start('inbox-pane-right.html', INBOX);
    await w.idle();
    w.controller.abort();
    w.doc.querySelector('[role="listbox"]')!.append(newRow(w.doc, 'CONV-late', 'late@client.example'));
    await w.idle();
    expect([...w.observed].every((o) => w.disconnected.has(o))).toBe(true);
    expect(w.readList).toHaveBeenCalledTimes(1);
  });
});
