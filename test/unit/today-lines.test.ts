import { describe, expect, it } from 'vitest';
import type { AttentionPage } from '../../lib/api';
import { overdueBadge } from '../../lib/background/action-badge';
import { mailSearchUrl } from '../../lib/mail/mail-search';
import { daysFrom, dueWords, mailQueryFor, nextDay, rhythmWords, snoozeDateOk } from '../../lib/ui/attention-lines';

describe('mailQueryFor', () => {
  it.each([
    [['semen.co.id'], ['a@semen.co.id', 'b@gmail.com'], 'semen.co.id OR b@gmail.com'],
    [['gmail.com'], ['Larasati@Gmail.com'], 'larasati@gmail.com'],
    [[], [], ''],
    [['A.example', 'a.example'], ['x@b.example'], 'a.example OR x@b.example'],
  ])('%j + %j → %s', (domains, emails, query) => {
    expect(mailQueryFor(domains, emails)).toBe(query);
  });

  it('keeps at most 8 terms', () => {
    expect(mailQueryFor([], Array.from({ length: 20 }, (_, i) => `p${i}@x${i}.example`)).split(' OR ')).toHaveLength(8);
  });
});

describe('mailSearchUrl', () => {
  it.each([
    ['gmail', 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQZTzGbLjvK', 'a.example OR b@c.example', 'https://mail.google.com/mail/u/1/#search/a.example%20OR%20b%40c.example'],
    ['gmail', 'https://mail.google.com/mail/#inbox', 'x', 'https://mail.google.com/mail/#search/x'],
    ['gmail', 'https://example.com/mail/u/0/', 'x', null],
    ['gmail', 'https://mail.google.com/mail/u/0/', '   ', null],
    ['outlook', 'https://outlook.office.com/mail/inbox/id/AAQk', 'a.example', 'https://outlook.office.com/mail/deeplink/search?query=a.example'],
    ['outlook', 'https://outlook.live.com/mail/0/', 'a b', 'https://outlook.live.com/mail/0/deeplink/search?query=a%20b'],
    ['outlook', 'https://outlook.office.com/calendar/', 'x', null],
  ] as const)('%s %s', (site, current, query, url) => {
    expect(mailSearchUrl(site, current, query)).toBe(url);
  });
});

describe('words and dates', () => {
  it.each([
    [3, 'overdue by 3 days'],
    [1, 'overdue by 1 day'],
    [0, 'due today'],
    [-2, 'due in 2 days'],
  ])('dueWords(%i)', (days, words) => expect(dueWords(days)).toBe(words));

  it('says when an agreed rhythm comes due', () => {
    const asOf = '2026-12-06T10:00:00.000Z';
    expect(rhythmWords({ cadenceDays: 14, dueAt: '2026-12-09T08:00:00.000Z' }, asOf)).toBe('every 14 days, next call due in 3 days');
    expect(rhythmWords({ cadenceDays: 7, dueAt: '2026-12-01T08:00:00.000Z' }, asOf)).toBe('every 7 days, next call overdue by 5 days');
    expect(rhythmWords({ cadenceDays: 7, dueAt: null }, asOf)).toBe('every 7 days, never in touch yet');
  });

  it.each([
    ['2026-12-07', true],
    ['2026-12-06', true],
    ['2026-12-05', false],
    ['2026-02-30', false],
    ['tomorrow', false],
  ])('snoozeDateOk(%s)', (value, ok) => expect(snoozeDateOk(value, '2026-12-06')).toBe(ok));

  it('counts days and the next day across a month', () => {
    expect(daysFrom('2026-11-30', '2026-12-02')).toBe(2);
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('overdueBadge', () => {
  const row = (daysOverdue: number) => ({ daysOverdue }) as NonNullable<AttentionPage['commitments']>['items'][number];
  const page = (days: number[], nextCursor: string | null = null): AttentionPage => ({
    asOf: '2026-12-06T10:00:00.000Z',
    commitments: { items: days.map(row), nextCursor },
  });
  it('counts only overdue commitments, and is empty when none or signed out', () => {
    expect(overdueBadge(page([9, 2, 0, -3]))).toMatchObject({ text: '2', title: '2 of my commitments are overdue' });
    expect(overdueBadge(page([0, -1])).text).toBe('');
    expect(overdueBadge(null).text).toBe('');
  });
  it('says "more than" when a further page may hold more overdue ones', () => {
    expect(overdueBadge(page([5, 4], 'next'))).toMatchObject({ text: '2+' });
    expect(overdueBadge(page([5, -1], 'next')).text).toBe('1');
  });
});
