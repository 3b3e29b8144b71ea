import { describe, expect, it } from 'vitest';
import { contactIdsFor, emailInteraction, emailSummary, loggedEntry } from '../../../lib/sidebar/email-log';

const ACCOUNT = '7d3f0c43-5a0e-4a8e-9b0e-2f4c6b1a9e01';
const BUDI = '0b6a1c1e-9d2f-4c83-8a8c-2f3d1e5b7a10';

describe('emailSummary', () => {
  it.each([
    ['subject only', 'Renewal', null, 'Renewal'],
    ['no subject', '  ', null, '(no subject)'],
    ['subject and the text the user included', 'Renewal', '  Hello,\nplease…  ', 'Renewal\n\nHello,\nplease…'],
    ['empty text is left out', 'Renewal', '   ', 'Renewal'],
  ])('%s', (_, subject, body, expected) => {
    expect(emailSummary(subject, body, '(no subject)')).toBe(expected);
  });

  it('cuts a long text to what the CRM keeps', () => {
    const summary = emailSummary('S', 'x'.repeat(50_000), '-');
    expect(summary.length).toBe(20_000);
    expect(summary.endsWith('…')).toBe(true);
  });
});

describe('emailInteraction', () => {
  const email = {
    accountId: ACCOUNT, threadId: 'FMfcgz', subject: 'Renewal', sentAt: '2026-11-20T09:30:00.000Z',
    direction: 'inbound' as const, contactIds: [BUDI, BUDI], body: null,
  };
  it('is an email interaction with thread, time, direction and each contact once', () => {
    expect(emailInteraction(email, '-')).toEqual({
      ok: true,
      body: { accountId: ACCOUNT, kind: 'email', direction: 'inbound', summary: 'Renewal', contactIds: [BUDI], threadId: 'FMfcgz', occurredAt: '2026-11-20T09:30:00.000Z' },
    });
  });
  it('leaves the time to the server when the page did not show it', () => {
    const result = emailInteraction({ ...email, sentAt: null, direction: 'outbound' }, '-');
    expect(result.ok && result.body).toMatchObject({ direction: 'outbound' });
    expect(result.ok && 'occurredAt' in result.body).toBe(false);
  });
  it('refuses a thread id longer than the CRM keeps, naming the field', () => {
    const result = emailInteraction({ ...email, threadId: 't'.repeat(250) }, '-');
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('threadId') });
  });
});

describe('loggedEntry', () => {
  const items = [
    { id: 'a', kind: 'note' as const, threadId: 'T1' },
    { id: 'b', kind: 'email' as const, threadId: 'T2' },
    { id: 'c', kind: 'email' as const, threadId: null },
  ];
  it.each([
    ['a logged email of this thread', 'T2', 'b'],
    ['a note about the thread is not a logged email', 'T1', null],
    ['another thread', 'T3', null],
    ['no thread id', '', null],
  ])('%s', (_, threadId, id) => {
    expect(loggedEntry(items, threadId)?.id ?? null).toBe(id);
  });
});

describe('contactIdsFor', () => {
  it('finds the contacts among the participants by address, any case', () => {
    const contacts = [{ id: 'budi', emails: ['budi.santoso@banksinar.co.id'] }, { id: 'other', emails: ['x@banksinar.co.id'] }];
    expect(contactIdsFor([{ email: 'Budi.Santoso@BankSinar.co.id' }, { email: 'new@banksinar.co.id' }], contacts)).toEqual(['budi']);
  });
});
