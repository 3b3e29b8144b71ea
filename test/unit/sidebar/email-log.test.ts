import { describe, expect, it } from 'vitest';
import { contactIdsFor, emailInteraction, emailSummary, enteredSentAt, loggedEntry } from '../../../lib/sidebar/email-log';

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
  it('always carries the sent time it is given, with its offset', () => {
    const result = emailInteraction({ ...email, sentAt: '2025-11-04T15:12:00+07:00', direction: 'outbound' }, '-');
    expect(result.ok && result.body).toMatchObject({ direction: 'outbound', occurredAt: '2025-11-04T15:12:00+07:00' });
  });
  it('refuses a sent time that is not one, naming the field', () => {
    expect(emailInteraction({ ...email, sentAt: 'yesterday' }, '-')).toMatchObject({ ok: false, message: expect.stringContaining('occurredAt') });
  });
  it('refuses a thread id longer than the CRM keeps, naming the field', () => {
    const result = emailInteraction({ ...email, threadId: 't'.repeat(250) }, '-');
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('threadId') });
  });
});

describe('enteredSentAt', () => {
  const now = new Date(2025, 10, 20, 10, 0);
  it.each([
    ['a past minute', '2025-11-04T15:12', new Date(2025, 10, 4, 15, 12).toISOString()],
    ['with seconds, as some browsers write', '2025-11-04T15:12:30', new Date(2025, 10, 4, 15, 12).toISOString()],
    ['this very minute', '2025-11-20T10:00', now.toISOString()],
  ])('accepts %s', (_, value, at) => {
    expect(enteredSentAt(value, now)).toEqual({ ok: true, at });
  });
  it.each([
    ['nothing entered', '', 'empty'],
    ['only spaces', '   ', 'empty'],
    ['a later minute', '2025-11-20T10:01', 'future'],
    ['next year', '2026-01-01T00:00', 'future'],
    ['a day that does not exist', '2025-11-31T10:00', 'invalid'],
    ['an hour that does not exist', '2025-11-04T24:00', 'invalid'],
    ['a date without a time', '2025-11-04', 'invalid'],
    ['words', 'yesterday', 'invalid'],
    ['before 1970', '1969-12-31T23:59', 'invalid'],
  ])('refuses %s', (_, value, problem) => {
    expect(enteredSentAt(value, now)).toEqual({ ok: false, problem });
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
