import { describe, expect, it } from 'vitest';
import { INTERACTION_KINDS } from '../../../lib/api';
import { asNoteDraft, EMPTY_NOTE, NOTE_KINDS, noteFromDraft } from '../../../lib/sidebar/note-draft';

const TO = { accountId: '7d3f0c43-5a0e-4a8e-9b0e-2f4c6b1a9e01', contactIds: ['0b6a1c1e-9d2f-4c83-8a8c-2f3d1e5b7a10'], threadId: 'thread-1' };

describe('noteFromDraft', () => {
  it.each([
    ['a plain note is internal', { kind: 'note', text: ' Asked about the renewal ' }, {
      kind: 'note', direction: 'internal', summary: 'Asked about the renewal', commitments: [],
    }],
    ['a call is ours, outbound', { kind: 'call', text: 'Called Budi' }, { kind: 'call', direction: 'outbound', commitments: [] }],
    ['a complaint comes from the client', { kind: 'complaint', text: 'Invoices late again' }, { kind: 'complaint', direction: 'inbound', amount: null }],
    ['a direction picked beats the usual one', { kind: 'call', direction: 'inbound', text: 'Budi called' }, { direction: 'inbound' }],
    ['an order with its amount', { kind: 'order', text: '20 more routers', amount: ' 12,500.50 ' }, { kind: 'order', amount: 12500.5 }],
    ['a cancellation with a round amount', { kind: 'cancellation', text: 'Branch links', amount: '3 000' }, { amount: 3000 }],
    ['an order without an amount', { kind: 'order', text: 'Renewal, price to follow' }, { amount: null }],
    ['a promise becomes a commitment with its date', { text: 'Met Olga', promise: ' Send the SLA draft ', due: '2026-12-01' }, {
      commitments: [{ text: 'Send the SLA draft', dueDate: '2026-12-01' }],
    }],
    ['a promise without a date', { text: 'Met Olga', promise: 'Call back' }, { commitments: [{ text: 'Call back', dueDate: null }] }],
  ] as const)('%s', async (_, change, expected) => {
    const result = await noteFromDraft({ ...EMPTY_NOTE, ...change }, TO);
    expect(result.ok).toBe(true);
    expect(result.ok && result.body).toMatchObject({ accountId: TO.accountId, contactIds: TO.contactIds, threadId: 'thread-1', ...expected });
  });

  it.each([
    ['nothing written', {}, ['text']],
    ['only spaces', { text: '   ' }, ['text']],
    ['a date that is not one', { text: 'x', promise: 'y', due: '2026-13-45' }, ['due']],
    ['a date without a promise', { text: 'x', due: '2026-12-01' }, ['promise']],
    ['a note longer than the CRM keeps', { text: 'x'.repeat(20_001) }, ['text']],
    ['an amount that is not a number', { kind: 'order', text: 'x', amount: '12 apples' }, ['amount']],
    ['a negative amount', { kind: 'cancellation', text: 'x', amount: '-500' }, ['amount']],
    ['an amount with three decimals', { kind: 'order', text: 'x', amount: '1.005' }, ['amount']],
    ['an amount beyond any order', { kind: 'order', text: 'x', amount: '9'.repeat(14) }, ['amount']],
    ['an amount on a complaint', { kind: 'complaint', text: 'x', amount: '100' }, ['amount']],
  ] as const)('refuses %s and says where', async (_, change, fields) => {
    const result = await noteFromDraft({ ...EMPTY_NOTE, ...change }, TO);
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(fields);
  });
});

describe('the promise date as the user writes it', () => {
  it.each([
    ['ru', '31.12.2030', '2030-12-31'],
    ['en', '12/31/2030', '2030-12-31'],
    ['id', '1/2/2031', '2031-02-01'],
    ['ro', '2030-12-31', '2030-12-31'],
  ])('%s: %s is sent as %s', async (locale, due, dueDate) => {
    const result = await noteFromDraft({ ...EMPTY_NOTE, text: 'Met Olga', promise: 'Send the SLA', due }, TO, locale);
    expect(result.ok && result.body.commitments).toEqual([{ text: 'Send the SLA', dueDate }]);
  });

  it.each([['ru', '31.02.2030'], ['en', '31/12/2030'], ['ms', '12/2030']])('%s refuses %s, naming an example', async (locale, due) => {
    const result = await noteFromDraft({ ...EMPTY_NOTE, text: 'x', promise: 'y', due }, TO, locale);
    expect(result.ok ? null : result.errors.due).toBeTruthy();
  });
});

describe('quick note kinds and amounts', () => {
  it('offers every kind the CRM knows', () => {
    expect([...NOTE_KINDS].sort()).toEqual([...INTERACTION_KINDS].sort());
  });

  it.each([
    ['ru', '12 500,5', 12500.5],
    ['ru', '12500.5', 12500.5],
    ['de', '12.500,5', 12500.5],
    ['id', '12.500', 12500],
    ['en', '12500', 12500],
  ] as const)('reads an amount the way %s writes numbers: %s', async (locale, typed, amount) => {
    const result = await noteFromDraft({ ...EMPTY_NOTE, kind: 'order', text: 'x', amount: typed }, TO, locale);
    expect(result.ok && result.body.amount).toBe(amount);
  });

  it('says how to write an amount in the user\'s own way', async () => {
    const result = await noteFromDraft({ ...EMPTY_NOTE, kind: 'order', text: 'x', amount: 'lots' }, TO, 'de');
    expect(result.ok ? '' : result.errors.amount).toContain('12.500,5');
  });

  it.each([
    ['a draft kept before amounts and directions', { kind: 'call', text: 'a', promise: '', due: '' }, { ...EMPTY_NOTE, kind: 'call', text: 'a' }],
    ['a draft with everything', { kind: 'order', direction: 'outbound', text: 'a', amount: '5', promise: '', due: '' }, { kind: 'order', direction: 'outbound', text: 'a', amount: '5', promise: '', due: '' }],
    ['an unknown kind', { kind: 'gossip', text: 'a', promise: '', due: '' }, null],
    ['an unknown direction', { kind: 'note', direction: 'sideways', text: 'a', promise: '', due: '' }, null],
  ] as const)('reads back %s', (_, kept, draft) => {
    expect(asNoteDraft(kept)).toEqual(draft);
  });
});
