import { describe, expect, it } from 'vitest';
import type { Interaction, InteractionKind, Me } from '../../../lib/api';
import { draftOfEntry, patchFromEntryDraft } from '../../../lib/sidebar/entry-edit';
import { currentFromConflict, excerpt, mayChange, overlayHistory, undoPlan, type EntryChange } from '../../../lib/sidebar/history-edits';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function entry(n: number, over: Partial<Interaction> = {}): Interaction {
  const at = `2026-11-${String(20 - n).padStart(2, '0')}T09:00:00.000Z`;
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`, accountId: '7d3f0c43-5a0e-4a8e-9b0e-2f4c6b1a9e01', kind: 'note', direction: 'internal',
    occurredAt: at, summary: `entry ${n}`, author: { id: ME, name: 'Dewi', email: 'dewi@example.com' }, contactIds: [], amount: null,
    threadId: null, createdAt: at, updatedAt: at, updatedBy: null, version: 1, ...over,
  };
}
const ALL = { kinds: [] as InteractionKind[], hasMore: false };
const ids = (rows: { item: Interaction }[]) => rows.map((r) => r.item.id.slice(-1));

describe('overlayHistory', () => {
  const list = [entry(1), entry(2), entry(3)];

  it('shows the CRM list as it is without changes', () => {
    expect(overlayHistory(list, new Map(), ALL)).toEqual(list.map((item) => ({ item, pending: false })));
  });

  it.each<[string, EntryChange, Interaction[], string[], boolean]>([
    ['an edit not yet in the list shows, pending', { version: 2, deleted: false, snapshot: { ...entry(2), summary: 'new' } }, list, ['1', '2', '3'], true],
    ['an edit the list caught up with is the list', { version: 2, deleted: false, snapshot: { ...entry(2), summary: 'new' } }, [entry(1), entry(2, { version: 2, summary: 'theirs' }), entry(3)], ['1', '2', '3'], false],
    ['a delete hides the entry at once', { version: 2, deleted: true, snapshot: entry(2) }, list, ['1', '3'], false],
    ['a delete the CRM made stays hidden', { version: 2, deleted: true, snapshot: entry(2) }, [entry(1), entry(3)], ['1', '3'], false],
    ['an undo after the CRM deleted it shows the entry back in its place', { version: 3, deleted: false, snapshot: entry(2) }, [entry(1), entry(3)], ['1', '2', '3'], true],
    ['an undo the list caught up with', { version: 3, deleted: false, snapshot: entry(2) }, [entry(1), entry(2, { version: 3 }), entry(3)], ['1', '2', '3'], false],
  ])('%s', (_, change, server, shown, pending) => {
    const rows = overlayHistory(server, new Map([[entry(2).id, change]]), ALL);
    expect(ids(rows)).toEqual(shown);
    expect(rows.find((r) => r.item.id === entry(2).id)?.pending ?? false).toBe(pending);
  });

  it('shows the edited text and the version the next change is made against', () => {
    const rows = overlayHistory(list, new Map([[entry(2).id, { version: 2, deleted: false, snapshot: { ...entry(2), summary: 'new' } }]]), ALL);
    expect(rows[1]?.item).toMatchObject({ summary: 'new', version: 2 });
  });

  it('shows an entry as a conflict answer says it is now, until the list is as new', () => {
    const theirs = entry(2, { version: 4, summary: 'theirs' });
    const newer = new Map([[theirs.id, theirs]]);
    expect(overlayHistory(list, new Map(), ALL, newer)[1]).toEqual({ item: theirs, pending: false });
    const caughtUp = entry(2, { version: 5, summary: 'later still' });
    expect(overlayHistory([entry(1), caughtUp], new Map(), ALL, newer)[1]?.item).toBe(caughtUp);
  });

  it('reads the current entry from a conflict answer, and nothing from anything else', () => {
    expect(currentFromConflict({ interaction: entry(2, { version: 4 }) })).toMatchObject({ version: 4 });
    expect(currentFromConflict({ commitment: {} })).toBeNull();
    expect(currentFromConflict(null)).toBeNull();
  });

  it('brings an entry back only where the list shows its kind and its time', () => {
    const back = new Map([[entry(5).id, { version: 3, deleted: false, snapshot: entry(5, { kind: 'call' }) }]]);
    expect(ids(overlayHistory(list, back, { kinds: ['complaint'], hasMore: false }))).toEqual(['1', '2', '3']);
    // Older than the last entry loaded while older pages follow: it will come with its page.
    expect(ids(overlayHistory(list, back, { kinds: [], hasMore: true }))).toEqual(['1', '2', '3']);
    expect(ids(overlayHistory(list, back, { kinds: ['call'], hasMore: false }))).toEqual(['1', '2', '3', '5']);
  });
});

describe('mayChange', () => {
  const me = (teamMayEditNotes: boolean): Me => ({
    user: { id: ME, name: 'Dewi', email: 'dewi@example.com', teamId: OTHER, active: true },
    team: { id: OTHER, name: 'Demo', teamMayEditNotes },
  });
  it.each([
    ['my own note', entry(1), me(false), true],
    ["a colleague's note", entry(1, { author: { id: OTHER, name: 'Rudi', email: 'rudi@example.com' } }), me(false), false],
    ["a colleague's note when the team allows it", entry(1, { author: { id: OTHER, name: 'Rudi', email: 'rudi@example.com' } }), me(true), true],
    ['an imported entry without author', entry(1, { author: null }), me(false), false],
    ['nobody signed in', entry(1), null, false],
  ] as const)('%s', (_, item, who, expected) => expect(mayChange(item, who)).toBe(expected));
});

describe('undoPlan', () => {
  it.each([
    [null, 'restore'],
    ['pending', 'restore'],
    ['saved', 'restore'],
    ['failed', 'discard'],
    ['discarded', 'nothing'],
  ] as const)('a delete %s → %s', (state, plan) => expect(undoPlan(state)).toBe(plan));
});

describe('excerpt', () => {
  it.each([
    ['short', 'short'],
    ['  spaced\n\nout  ', 'spaced out'],
    ['x'.repeat(70), `${'x'.repeat(59)}…`],
  ])('%j', (text, expected) => expect(excerpt(text)).toBe(expected));
});

describe('patchFromEntryDraft', () => {
  const order = entry(1, { kind: 'order', amount: 12500.5, summary: 'Routers' });

  it('fills the form from the entry, the amount written the user way', () => {
    expect(draftOfEntry(order, 'ru')).toEqual({ text: 'Routers', kind: 'order', amount: '12\u00a0500,5' });
  });

  it.each([
    ['new text only', { text: ' Routers, 20 more ' }, { version: 1, summary: 'Routers, 20 more' }],
    ['a new kind and no amount', { kind: 'complaint', amount: '' }, { version: 1, kind: 'complaint', amount: null }],
    ['a new amount', { amount: '13,000' }, { version: 1, amount: 13000 }],
  ] as const)('%s', (_, change, body) => {
    expect(patchFromEntryDraft(order, { ...draftOfEntry(order, 'en'), ...change }, 'en')).toEqual({ ok: true, body });
  });

  it('sends nothing when nothing changed', () => {
    expect(patchFromEntryDraft(order, draftOfEntry(order, 'en'), 'en')).toEqual({ ok: true, body: null });
  });

  it.each([
    ['empty text', { text: '  ' }, 'text'],
    ['an amount that is no number', { amount: 'lots' }, 'amount'],
    ['an amount on a kind without one', { kind: 'note' }, 'amount'],
  ] as const)('refuses %s', (_, change, field) => {
    const result = patchFromEntryDraft(order, { ...draftOfEntry(order, 'en'), ...change }, 'en');
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors)).toEqual([field]);
  });
});
