import { describe, expect, it } from 'vitest';
import { dateFormat, relativeTimeFormat } from '../../lib/intl-cache';

describe('Intl formatter cache', () => {
  it('builds one formatter per locale and options, and formats as a new one would', () => {
    const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: 'short' };
    expect(dateFormat('ro', options)).toBe(dateFormat('ro', { ...options }));
    expect(dateFormat('ro', options)).not.toBe(dateFormat('ru', options));
    const day = new Date('2026-12-12T00:00:00Z');
    expect(dateFormat('ru', options).format(day)).toBe(new Intl.DateTimeFormat('ru', options).format(day));
    expect(relativeTimeFormat('id', { numeric: 'auto' })).toBe(relativeTimeFormat('id', { numeric: 'auto' }));
  });
});
