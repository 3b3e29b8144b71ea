import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_NOTE, type NoteDraft } from '../../../lib/sidebar/note-draft';
import { createScopedStore } from '../../../lib/sidebar/scoped-store';
import { NO_COMMITMENT, type CommitmentDraft } from '../../../lib/sidebar/commitment-draft';
import { COMMITMENT_DRAFTS, keepDrafts, keptDrafts, NOTE_DRAFTS } from '../../../lib/sidebar/kept-drafts';

const DAY = 24 * 3600_000;
const NOW = Date.parse('2026-12-01T10:00:00Z');
const draft = (text: string): NoteDraft => ({ ...EMPTY_NOTE, text });
const area = () => fakeBrowser.storage.session;
const kept = async () => Object.fromEntries(Object.entries(await area().get(null)).filter(([k]) => k.startsWith('noteDraft:')));
const page = () => {
  const listeners: (() => void)[] = [];
  return { addEventListener: (_: string, fn: () => void) => void listeners.push(fn), hide: () => listeners.forEach((fn) => fn()) };
};

describe('keepDrafts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps each scope’s draft in session storage a moment after typing, and forgets it once empty', async () => {
    const store = createScopedStore(EMPTY_NOTE);
    const { restored } = keepDrafts(area(), [{ ...NOTE_DRAFTS, store }], null, () => NOW);
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
    const { restored } = keepDrafts(area(), [{ ...NOTE_DRAFTS, store }], win, () => NOW);
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
    await keepDrafts(area(), [{ ...NOTE_DRAFTS, store }], null, () => NOW).restored;
    expect(store.get('t1|a@client.test')).toEqual(draft('from before'));
    expect(store.get('t2|a@client.test')).toEqual(draft('typed in this sidebar already'));
    await vi.advanceTimersByTimeAsync(300);
    expect(set).not.toHaveBeenCalled();
    expect((await area().get('other')).other).toBe('not ours');
  });

  it('starts empty, losing nothing else, when session storage cannot be read', async () => {
    const store = createScopedStore(EMPTY_NOTE);
    const failing = { ...area(), get: () => Promise.reject(new Error('storage gone')) };
    await expect(keepDrafts(failing, [{ ...NOTE_DRAFTS, store }], null, () => NOW).restored).resolves.toBeUndefined();
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
    expect(keptDrafts({ 'noteDraft:t|a@client.test': value }, NOTE_DRAFTS, NOW)).toEqual({ restore: [], drop: ['noteDraft:t|a@client.test'] });
  });

  it('restores at most 200, the newest, oldest first', () => {
    const items = Object.fromEntries(Array.from({ length: 202 }, (_, i) => [`noteDraft:t${i}`, { draft: draft(`n${i}`), savedAt: NOW - (202 - i) }]));
    const { restore, drop } = keptDrafts(items, NOTE_DRAFTS, NOW);
    expect(drop).toEqual(['noteDraft:t0', 'noteDraft:t1']);
    expect(restore.length).toBe(200);
    expect(restore[0]).toEqual(['t2', draft('n2')]);
    expect(restore.at(-1)).toEqual(['t201', draft('n201')]);
  });
});

describe('kept commitment drafts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const promise = (over: Partial<CommitmentDraft>): CommitmentDraft => ({ ...NO_COMMITMENT, open: true, ...over });

  it('keeps a form left open apart from the notes of the same scope, and forgets it once closed and empty', async () => {
    const notes = createScopedStore(EMPTY_NOTE);
    const forms = createScopedStore(NO_COMMITMENT);
    const get = vi.spyOn(area(), 'get');
    await keepDrafts(area(), [{ ...NOTE_DRAFTS, store: notes }, { ...COMMITMENT_DRAFTS, store: forms }], null, () => NOW).restored;
    // One read of session storage serves every kind.
    expect(get).toHaveBeenCalledTimes(1);
    notes.set('t|a@client.test', draft('a note'));
    forms.set('t|a@client.test', promise({ text: 'Send the price list', due: '2026-12-10' }));
    await vi.advanceTimersByTimeAsync(300);
    const all = await area().get(null);
    expect(all['noteDraft:t|a@client.test']).toEqual({ draft: draft('a note'), savedAt: NOW });
    expect(all['commitmentDraft:t|a@client.test']).toEqual({ draft: promise({ text: 'Send the price list', due: '2026-12-10' }), savedAt: NOW });
    forms.set('t|a@client.test', NO_COMMITMENT);
    await vi.advanceTimersByTimeAsync(300);
    expect(Object.keys(await area().get(null)).filter((k) => k.endsWith('t|a@client.test'))).toEqual(['noteDraft:t|a@client.test']);
  });

  it('restores a kept form into its store only, and leaves the notes’ items alone', async () => {
    await area().set({
      'commitmentDraft:t|a@client.test': { draft: { open: false, text: 'closed, typed', due: '', owner: 'u-2' }, savedAt: NOW - DAY },
      'noteDraft:t|a@client.test': { draft: draft('a note'), savedAt: NOW - DAY },
    });
    const forms = createScopedStore(NO_COMMITMENT);
    await keepDrafts(area(), [{ ...COMMITMENT_DRAFTS, store: forms }], null, () => NOW).restored;
    expect(forms.get('t|a@client.test')).toEqual({ open: false, text: 'closed, typed', due: '', owner: 'u-2' });
    expect(forms.scopes()).toEqual(['t|a@client.test']);
    expect(Object.keys(await area().get(null))).toContain('noteDraft:t|a@client.test');
  });

  it.each([
    ['no open flag', { text: 'x', due: '', owner: '' }],
    ['a due date that is not text', { open: true, text: 'x', due: 20261210, owner: '' }],
    ['nothing typed and closed', { open: false, text: '', due: '', owner: '' }],
    ['a note in its place', draft('x')],
  ])('drops a kept form with %s', (_, value) => {
    expect(keptDrafts({ 'commitmentDraft:t|a@client.test': { draft: value, savedAt: NOW } }, COMMITMENT_DRAFTS, NOW))
      .toEqual({ restore: [], drop: ['commitmentDraft:t|a@client.test'] });
  });
});
