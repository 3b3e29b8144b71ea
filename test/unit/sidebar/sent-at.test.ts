import { describe, expect, it } from 'vitest';
import { sentAtOf } from '../../../lib/sidebar/sent-at';

const NOW = new Date('2025-11-20T10:00:00Z');

describe('sentAtOf: the sidebar reads the page\'s date texts into a minute', () => {
  it('takes the first text that reads, as ISO with the browser\'s offset', () => {
    const at = sentAtOf(['nonsense', 'Tue, Nov 4, 2025, 3:12 PM', 'Nov 4'], NOW);
    expect(at).toMatch(/^2025-11-04T15:12:00[+-]\d\d:\d\d$/);
    expect(new Date(at!).getTime()).toBe(new Date(2025, 10, 4, 15, 12).getTime());
  });

  it.each([
    ['no texts', []],
    ['none of them reads', ['10/11/2024', 'yesterday-ish']],
    ['a date in the future', ['Dec 25, 2025, 9:00 AM']],
  ])('is null when %s', (_, texts: string[]) => {
    expect(sentAtOf(texts, NOW)).toBeNull();
  });
});
