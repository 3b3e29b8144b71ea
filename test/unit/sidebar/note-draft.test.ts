import { describe, expect, it } from 'vitest';
import { EMPTY_NOTE, noteFromDraft } from '../../../lib/sidebar/note-draft';

const TO = { accountId: '7d3f0c43-5a0e-4a8e-9b0e-2f4c6b1a9e01', contactIds: ['0b6a1c1e-9d2f-4c83-8a8c-2f3d1e5b7a10'], threadId: 'thread-1' };

describe('noteFromDraft', () => {
  it.each([
    ['a plain note is internal', { kind: 'note', text: ' Asked about the renewal ' }, {
      kind: 'note', direction: 'internal', summary: 'Asked about the renewal', commitments: [],
    }],
    ['a call is ours, outbound', { kind: 'call', text: 'Called Budi' }, { kind: 'call', direction: 'outbound', commitments: [] }],
    ['a promise becomes a commitment with its date', { text: 'Met Olga', promise: ' Send the SLA draft ', due: '2026-12-01' }, {
      commitments: [{ text: 'Send the SLA draft', dueDate: '2026-12-01' }],
    }],
    ['a promise without a date', { text: 'Met Olga', promise: 'Call back' }, { commitments: [{ text: 'Call back', dueDate: null }] }],
  ] as const)('%s', (_, change, expected) => {
    const result = noteFromDraft({ ...EMPTY_NOTE, ...change }, TO);
    expect(result.ok).toBe(true);
    expect(result.ok && result.body).toMatchObject({ accountId: TO.accountId, contactIds: TO.contactIds, threadId: 'thread-1', ...expected });
  });

  it.each([
    ['nothing written', {}, ['text']],
    ['only spaces', { text: '   ' }, ['text']],
    ['a date that is not one', { text: 'x', promise: 'y', due: '2026-13-45' }, ['due']],
    ['a date without a promise', { text: 'x', due: '2026-12-01' }, ['promise']],
    ['a note longer than the CRM keeps', { text: 'x'.repeat(20_001) }, ['text']],
  ] as const)('refuses %s and says where', (_, change, fields) => {
    const result = noteFromDraft({ ...EMPTY_NOTE, ...change }, TO);
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(fields);
  });
});
