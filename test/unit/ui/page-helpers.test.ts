import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../../lib/ui/settings-draft';
import { relativeTime } from '../../../lib/ui/relative-time';

describe('parseDraft', () => {
  it('turns the form into settings', () => {
    expect(parseDraft({ apiUrl: ' https://crm.test/ ', token: 'tok', companyDomains: 'Our.test\nsub.our.test', neverLookUp: 'x@y.test' })).toEqual({
      ok: true,
      settings: { apiUrl: 'https://crm.test', token: 'tok', companyDomains: ['our.test', 'sub.our.test'], neverLookUp: ['x@y.test'] },
    });
  });

  it.each([
    [{ apiUrl: 'crm.test' }, 'apiUrl', 'a web address starting with https:// or http://'],
    [{ companyDomains: 'our.test\nnot a domain' }, 'companyDomains', '"not"'],
    [{ neverLookUp: 'ok.test\n@@' }, 'neverLookUp', '"@@"'],
  ])('names the field and entry at fault in %j', (partial, field, text) => {
    const result = parseDraft({ apiUrl: '', token: '', companyDomains: '', neverLookUp: '', ...partial });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as keyof typeof result.errors]).toContain(text);
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it.each([
    [now - 5_000, '5 seconds ago'],
    [now - 3 * 60_000, '3 minutes ago'],
    [now - 2 * 3_600_000, '2 hours ago'],
    [now - 86_400_000, 'yesterday'],
  ])('%i → %s', (then, expected) => {
    expect(relativeTime(then, now, 'en')).toBe(expected);
  });
});
