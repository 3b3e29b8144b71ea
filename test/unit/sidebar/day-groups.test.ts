import { describe, expect, it } from 'vitest';
import { daysBetween, groupByDay, localDay } from '../../../lib/sidebar/day-groups';

describe('localDay', () => {
  it.each([
    ['2026-11-23T23:30:00Z', 'UTC', '2026-11-23'],
    ['2026-11-23T23:30:00Z', 'Asia/Jakarta', '2026-11-24'],
    ['2026-11-23T02:00:00Z', 'America/New_York', '2026-11-22'],
    ['2026-01-01T00:00:00+07:00', 'Asia/Jakarta', '2026-01-01'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(localDay(instant, zone)).toBe(day);
  });

  it('in the viewer\'s own zone, agrees with the formatter for that zone, around midnights and clock changes', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const start = Date.parse('2026-03-01T00:00:00Z');
    for (let at = start; at < start + 250 * 86_400_000; at += 3_600_000 * 7 + 60_000 * 13) {
      expect(localDay(at)).toBe(localDay(at, zone));
      expect(localDay(new Date(at).toISOString())).toBe(localDay(at, zone));
    }
  });

  it('refuses what is not an instant', () => {
    expect(() => localDay('not a date')).toThrow(RangeError);
  });
});

describe('groupByDay', () => {
  const at = (id: string, occurredAt: string) => ({ id, occurredAt });
  it.each([
    ['nothing', [], []],
    ['one day', [at('a', '2026-11-23T10:00:00Z'), at('b', '2026-11-23T08:00:00Z')], [['2026-11-23', ['a', 'b']]]],
    [
      'newest first, several days',
      [at('a', '2026-11-23T10:00:00Z'), at('b', '2026-11-22T18:00:00Z'), at('c', '2026-11-20T09:00:00Z')],
      [['2026-11-23', ['a']], ['2026-11-22', ['b']], ['2026-11-20', ['c']]],
    ],
    [
      'a day that comes back (a later page) joins its group',
      [at('a', '2026-11-23T10:00:00Z'), at('b', '2026-11-22T18:00:00Z'), at('c', '2026-11-23T01:00:00Z')],
      [['2026-11-23', ['a', 'c']], ['2026-11-22', ['b']]],
    ],
  ] as const)('%s', (_, items, expected) => {
    const groups = groupByDay(items, 'UTC').map((g) => [g.day, g.items.map((i) => i.id)]);
    expect(groups).toEqual(expected);
  });

  it('splits by the viewer’s calendar day, not by UTC', () => {
    const items = [at('late', '2026-11-23T20:00:00Z'), at('early', '2026-11-23T10:00:00Z')];
    expect(groupByDay(items, 'Asia/Jakarta').map((g) => g.day)).toEqual(['2026-11-24', '2026-11-23']);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-22', '2026-11-23', 1],
    ['2026-10-13', '2026-11-23', 41],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-11-24', '2026-11-23', -1],
  ])('%s → %s is %i', (day, today, days) => {
    expect(daysBetween(day, today)).toBe(days);
  });
});
