import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../../lib/sidebar/amount';
import { involvedNames } from '../../../lib/sidebar/involved';

const PEOPLE = [{ id: 'a', name: 'Budi Santoso' }, { id: 'b', name: 'Rina <b>Wati</b>' }];

describe('a history entry in words', () => {
  it.each([
    ['no one', [], []],
    ['people in the entry\'s order', ['b', 'a'], ['Rina <b>Wati</b>', 'Budi Santoso']],
    ['people not known yet are left out', ['a', 'zzz'], ['Budi Santoso']],
  ] as const)('names %s', (_, ids, names) => {
    expect(involvedNames({ contactIds: [...ids] }, PEOPLE)).toEqual(names);
  });

  it.each([
    ['en', 12500.5, '12,500.5'],
    ['de', 12500.5, '12.500,5'],
    ['en', 3000, '3,000'],
  ] as const)('formats an amount in %s without a currency: %s', (locale, amount, text) => {
    expect(formatAmount(amount, locale)).toBe(text);
  });
});
