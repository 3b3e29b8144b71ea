import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../../lib/background/outbox/item';
import { accountOf, createdIdOf, refsOf, waitingFor } from '../../../../lib/background/outbox/refs';
import type { Write } from '../../../../lib/messaging/write';
import { ACCOUNT_ID, CONTACT_ID, OTHER_ACCOUNT_ID } from '../../../support/crm-fixtures';

const NOTE_ID = '66666666-6666-4666-8666-666666666666';
const PROMISE_ID = '77777777-7777-4777-8777-777777777777';

const noteWrite: Write = {
  type: 'interaction',
  body: { id: NOTE_ID, accountId: ACCOUNT_ID, kind: 'note', direction: 'internal', summary: 'x', contactIds: [CONTACT_ID], amount: null, threadId: null, commitments: [] },
};
const promise: Write = {
  type: 'commitment',
  body: { id: PROMISE_ID, accountId: ACCOUNT_ID, contactId: null, text: 'SLA', dueDate: null, sourceInteractionId: NOTE_ID },
};
// The page named the wrong account for the patch: order must still follow the record it changes.
const done: Write = { type: 'commitment-patch', commitmentId: PROMISE_ID, accountId: OTHER_ACCOUNT_ID, body: { version: 1, status: 'done' } };
const person: Write = { type: 'contact', body: { id: CONTACT_ID, name: 'Budi', emails: ['budi@bank.test'], role: null, phone: null, newAccount: { name: 'Bank', domains: [] } } };

describe('what a write creates and refers to', () => {
  it.each<[string, Write, string | null, string[], string | null]>([
    ['a note', noteWrite, NOTE_ID, [ACCOUNT_ID, CONTACT_ID], ACCOUNT_ID],
    ['a promise from a note', promise, PROMISE_ID, [ACCOUNT_ID, NOTE_ID], ACCOUNT_ID],
    ['completing it', done, null, [PROMISE_ID, OTHER_ACCOUNT_ID], OTHER_ACCOUNT_ID],
    ['a contact with a new account', person, CONTACT_ID, [], null],
  ])('%s', (_, write, created, refs, account) => {
    expect(createdIdOf(write)).toBe(created);
    expect(refsOf(write)).toEqual(refs);
    expect(accountOf(write)).toBe(account);
  });
});

const item = (key: string, write: Write): OutboxItem => ({
  key, group: key, write, state: 'pending', attempts: 0, nextAttemptAt: 0, createdAt: 0, lastProblem: null,
});

describe('waitingFor', () => {
  it.each<[string, OutboxItem[], Record<string, string>]>([
    ['nothing to wait for', [item('a', noteWrite)], {}],
    ['a chain: contact, note naming them, promise from the note, then completing it',
      [item('c', person), item('n', noteWrite), item('p', promise), item('d', done)], { n: 'c', p: 'n', d: 'p' }],
    ['a write before the one creating what it names does not wait (it was made first)', [item('d', done), item('p', promise)], {}],
  ])('%s', (_, items, expected) => {
    expect(Object.fromEntries(waitingFor(items))).toEqual(expected);
  });
});
