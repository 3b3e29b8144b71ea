import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_NOTE, type NoteDraft } from '../../../lib/sidebar/note-draft';
import { createScopedStore } from '../../../lib/sidebar/scoped-store';
import { keepNoteDrafts, keptDrafts } from '../../../lib/ui/kept-note-drafts';

const DAY = 24 * 3600_000;
const NOW = Date.parse('2026-12-01T10:00:00Z');
const draft = (text: string): NoteDraft => ({ ...EMPTY_NOTE, text });
const area = () => fakeBrowser.storage.session;
const kept = async () => Object.fromEntries(Object.entries(await area().get(null)).filter(([k]) => k.startsWith('noteDraft:')));
const page = () => {
  const listeners: (() => void)[] = [];
  return { addEventListener: (_: string, fn: () => void) => void listeners.push(fn), hide: () => listeners.forEach((fn) => fn()) };
};

describe('keepNoteDrafts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps each scope’s draft in session storage a moment after typing, and forgets it once empty', async () => {
    const store = createScopedStore(EMPTY_NOTE);
    const { restored } = keepNoteDrafts(area(), store, null, () => NOW);
    await restored;
    store.set('thread-1|ana@client.test', draft('Ana wants'));
    store.set('thread-1|ana@client.test', draft('Ana wants the price list'));
    expect(await kept()).toEqual({});
    await vi.advanceTimersByTimeAsync(300);
    expect(await kept()).toEqual({ 'noteDraft:thread-1|ana@client.test': { draft: draft('Ana wants the price list'), savedAt: NOW } });
    store.set('thread-1|ana@client.test', EMPTY_NOTE);
    await vi.advanceTimersByTimeAsync(300);
    expect(await kept()).toEqual({});
  });

  it('writes at once when the page goes away', async () => {
    const store = createScopedStore(EMPTY_NOTE);
    const win = page();
    const { restored } = keepNoteDrafts(area(), store, win, () => NOW);
    await restored;
    store.set('t|b@client.test', draft('typed just before the inbox came back'));
    win.hide();
    await vi.advanceTimersByTimeAsync(0);
    expect(Object.keys(await kept())).toEqual(['noteDraft:t|b@client.test']);
  });

  it('restores what an earlier sidebar kept, without writing it again, into scopes with nothing typed yet', async () => {
    await area().set({
      'noteDraft:t1|a@client.test': { draft: draft('from before'), savedAt: NOW - DAY },
      'noteDraft:t2|a@client.test': { draft: draft('also from before'), savedAt: NOW - DAY },
      other: 'not ours',
    });
    const store = createScopedStore(EMPTY_NOTE);
    store.set('t2|a@client.test', draft('typed in this sidebar already'));
    const set = vi.spyOn(area(), 'set');
    await keepNoteDrafts(area(), store, null, () => NOW).restored;
    expect(store.get('t1|a@client.test')).toEqual(draft('from before'));
    expect(store.get('t2|a@client.test')).toEqual(draft('typed in this sidebar already'));
    await vi.advanceTimersByTimeAsync(300);
    expect(set).not.toHaveBeenCalled();
    expect((await area().get('other')).other).toBe('not ours');
  });

  it('starts empty, losing nothing else, when session storage cannot be read', async () => {
    const store = createScopedStore(EMPTY_NOTE);
    const failing = { ...area(), get: () => Promise.reject(new Error('storage gone')) };
    await expect(keepNoteDrafts(failing, store, null, () => NOW).restored).resolves.toBeUndefined();
    store.set('t|a@client.test', draft('still kept'));
    await vi.advanceTimersByTimeAsync(300);
    expect(Object.keys(await kept())).toEqual(['noteDraft:t|a@client.test']);
  });
});

describe('keptDrafts', () => {
  it.each([
    ['not an object', 'text'],
    ['no savedAt', { draft: draft('x') }],
    ['an unknown kind', { draft: { ...draft('x'), kind: 'letter' }, savedAt: NOW }],
    ['a text that is not text', { draft: { ...draft('x'), text: 42 }, savedAt: NOW }],
    ['older than two weeks', { draft: draft('x'), savedAt: NOW - 15 * DAY }],
  ])('drops a kept item with %s', (_, value) => {
    expect(keptDrafts({ 'noteDraft:t|a@client.test': value }, NOW)).toEqual({ restore: [], drop: ['noteDraft:t|a@client.test'] });
  });

  it('restores at most 200, the newest, oldest first', () => {
    const items = Object.fromEntries(Array.from({ length: 202 }, (_, i) => [`noteDraft:t${i}`, { draft: draft(`n${i}`), savedAt: NOW - (202 - i) }]));
    const { restore, drop } = keptDrafts(items, NOW);
    expect(drop).toEqual(['noteDraft:t0', 'noteDraft:t1']);
    expect(restore.length).toBe(200);
    expect(restore[0]).toEqual(['t2', draft('n2')]);
    expect(restore.at(-1)).toEqual(['t201', draft('n201')]);
  });
});
