import { describe, expect, it } from 'vitest';
import { hasOwnText, rebased, textOf, theirVersion, withText } from '../../../lib/messaging/write-text';
import type { Write } from '../../../lib/messaging/write';
import { ACCOUNT_ID, commitment } from '../../support/crm-fixtures';
import { note } from '../../support/outbox-fixtures';

const promise: Write = { type: 'commitment', body: { accountId: ACCOUNT_ID, contactId: null, text: 'Send the SLA', dueDate: null, sourceInteractionId: null } };
const person: Write = { type: 'contact', body: { name: 'Budi', emails: ['budi@bank.test'], role: null, phone: null, accountId: ACCOUNT_ID } };
const done: Write = { type: 'commitment-patch', commitmentId: commitment().id, accountId: ACCOUNT_ID, body: { version: 1, status: 'done' } };

describe('the text a person corrects', () => {
  it.each<[string, Write, string]>([
    ['a note', note('Met the CFO'), 'Met the CFO'],
    ['a commitment', promise, 'Send the SLA'],
    ['a contact', person, 'Budi'],
    ['a patch without text', done, ''],
  ])('%s', (_, write, text) => {
    expect(textOf(write)).toBe(text);
    expect(textOf(withText(write, 'corrected'))).toBe('corrected');
    // Putting the same text back changes nothing (a patch gains the text field it lacked).
    expect(withText(write, text)).toEqual(
      write.type === 'commitment-patch' ? { ...write, body: { ...write.body, text: '' } } : write,
    );
  });
});

describe('what the popup offers to edit', () => {
  const facts: Write = { type: 'account-patch', accountId: ACCOUNT_ID, body: { version: 2, domains: ['bank.test'] } };
  const emails: Write = { type: 'contact-emails', contactId: commitment().id, accountId: ACCOUNT_ID, body: { emails: ['budi@bank.test'] } };
  it.each<[string, Write, boolean]>([
    ['a note', note('Met the CFO'), true],
    ['a commitment', promise, true],
    ['a contact', person, true],
    ['a patch of a commitment', done, true],
    ['a change of a client\'s facts, which has no words of its own', facts, false],
    ['addresses added to a person, which Edit would not change', emails, false],
  ])('%s', (_, write, editable) => {
    expect(hasOwnText(write)).toBe(editable);
    // Edit is offered exactly where saving it changes the write.
    expect(withText(write, 'corrected') !== write).toBe(editable);
  });
});

describe('a conflict', () => {
  it.each<[string, unknown, ReturnType<typeof theirVersion>]>([
    ['the CRM\'s commitment', { commitment: commitment({ version: 3, text: 'Final SLA', status: 'open' }) }, { version: 3, text: 'Final SLA', status: 'open', dueDate: '2026-11-30' }],
    ['no details', undefined, null],
    ['details of another shape', { contact: {} }, null],
    ['a commitment without a version', { commitment: { text: 'x', status: 'open' } }, null],
  ])('reads %s', (_, details, expected) => {
    expect(theirVersion(details)).toEqual(expected);
  });

  it('applies my change on top of their version, and only for a patch', () => {
    const theirs = { version: 3, text: 'Final SLA', status: 'open', dueDate: null };
    expect(rebased(done, theirs)).toEqual({ ...done, body: { version: 3, status: 'done' } });
    expect(rebased(promise, theirs)).toBeNull();
  });
});
