import { describe, expect, it } from 'vitest';
import { createCrmClient } from '../../../lib/background/crm-client';
import { RETRY_AFTER_CAP_MS, parseHttpDate, retryAtFrom } from '../../../lib/background/retry-after';
import type { Problem } from '../../../lib/messaging/problem';
import { ProblemError } from '../../../lib/messaging/problem-error';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const HOUR = 3_600_000;

describe('retryAtFrom', () => {
  it.each<[string, string | null, number | null]>([
    ['absent', null, null],
    ['whole seconds', '120', NOW + 120_000],
    ['seconds with spaces around', ' 30 ', NOW + 30_000],
    ['zero: ask again now', '0', NOW],
    ['an IMF date', 'Mon, 23 Nov 2026 09:05:00 GMT', NOW + 300_000],
    ['an RFC 850 date', 'Monday, 23-Nov-26 09:01:00 GMT', NOW + 60_000],
    ['an asctime date', 'Mon Nov 23 09:02:00 2026', NOW + 120_000],
    ['a date gone by: now', 'Sun, 22 Nov 2026 09:00:00 GMT', NOW],
    ['a day in seconds: capped at an hour', '86400', NOW + RETRY_AFTER_CAP_MS],
    ['an enormous number: capped', '99999999999999999999999', NOW + RETRY_AFTER_CAP_MS],
    ['a date next year: capped', 'Tue, 23 Nov 2027 09:00:00 GMT', NOW + RETRY_AFTER_CAP_MS],
    ['negative seconds', '-5', null],
    ['fractional seconds', '1.5', null],
    ['a unit', '30s', null],
    ['empty', '', null],
    ['words', 'later', null],
    ['a bare number Date.parse would take for a year', '2001-01-01', null],
    ['an ISO date', '2026-11-23T09:05:00Z', null],
    ['a date without GMT', 'Mon, 23 Nov 2026 09:05:00', null],
    ['a date in another zone', 'Mon, 23 Nov 2026 09:05:00 +0200', null],
    ['a date with an impossible hour', 'Mon, 23 Nov 2026 29:05:00 GMT', null],
    ['hex', '0x10', null],
  ])('%s (%j)', (_, header, expected) => {
    expect(retryAtFrom(header, NOW)).toBe(expected);
  });

  it('reads an asctime day of one digit, padded with a space', () => {
    expect(parseHttpDate('Tue Dec  1 09:00:00 2026', NOW)).toBe(Date.UTC(2026, 11, 1, 9));
  });

  it('reads a two-digit year as the nearest one not more than 50 years ahead', () => {
    expect(parseHttpDate('Friday, 01-Jan-99 00:00:00 GMT', NOW)).toBe(Date.UTC(1999, 0, 1));
    expect(parseHttpDate('Tuesday, 01-Jan-30 00:00:00 GMT', NOW)).toBe(Date.UTC(2030, 0, 1));
  });
});

describe('CRM client: statuses that say when to come back', () => {
  const connection = { apiUrl: 'https://crm.example.test', token: 'tok' };
  async function problemOf(status: number, headers: Record<string, string>): Promise<Problem> {
    const fetch = (async () => new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }), {
      status, headers: { 'Content-Type': 'application/json', ...headers },
    })) as typeof globalThis.fetch;
    const error = await createCrmClient(connection, { fetch, now: () => NOW })('me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    return (error as ProblemError).problem;
  }

  it.each<[string, number, Record<string, string>, Problem]>([
    ['429 with seconds', 429, { 'Retry-After': '120' }, { kind: 'rate-limited', message: 'slow down', retryAt: NOW + 120_000 }],
    ['429 with a date', 429, { 'Retry-After': 'Mon, 23 Nov 2026 09:10:00 GMT' }, { kind: 'rate-limited', message: 'slow down', retryAt: NOW + 600_000 }],
    ['429 with a wait beyond the cap', 429, { 'Retry-After': '999999' }, { kind: 'rate-limited', message: 'slow down', retryAt: NOW + HOUR }],
    ['429 with an unreadable header: as if absent', 429, { 'Retry-After': 'soon' }, { kind: 'rate-limited', message: 'slow down' }],
    ['429 without the header', 429, {}, { kind: 'rate-limited', message: 'slow down' }],
    ['503 with seconds', 503, { 'Retry-After': '30' }, { kind: 'server', status: 503, message: 'slow down', retryAt: NOW + 30_000 }],
    ['500 with the header: not a wait', 500, { 'Retry-After': '30' }, { kind: 'server', status: 500, message: 'slow down' }],
  ])('%s', async (_, status, headers, expected) => {
    expect(await problemOf(status, headers)).toEqual(expected);
  });
});
