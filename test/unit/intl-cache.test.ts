import { describe, expect, it } from 'vitest';
import { compileMessages, setMessages } from '../../lib/i18n';
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

  it('without a locale, formats in the language the UI speaks, and follows a change of it', () => {
    const day = new Date('2026-12-12T00:00:00Z');
    const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' };
    setMessages({ language: 'ru', messages: {} });
    expect(dateFormat(undefined, options).format(day)).toBe(new Intl.DateTimeFormat('ru', options).format(day));
    expect(relativeTimeFormat(undefined, { numeric: 'auto' }).format(-1, 'day')).toBe('вчера');
    setMessages({ language: 'ro', messages: {} });
    expect(dateFormat(undefined, options).format(day)).toBe(new Intl.DateTimeFormat('ro', options).format(day));
    expect(relativeTimeFormat(undefined, { numeric: 'auto' }).format(-1, 'day')).toBe('ieri');
    setMessages({ language: 'en', messages: compileMessages({}) });
  });
});
