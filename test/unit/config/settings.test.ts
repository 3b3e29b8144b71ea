import { describe, expect, it } from 'vitest';
import { exclusionOf } from '../../../lib/config/exclusions';
import { ApiUrl, Settings, connectionOf, originPattern, splitList } from '../../../lib/config/settings';

describe('ApiUrl', () => {
  it.each([
    ['https://crm.example.com/', 'https://crm.example.com'],
    ['  http://127.0.0.1:8787  ', 'http://127.0.0.1:8787'],
    ['https://example.com/crm/?debug=1#top', 'https://example.com/crm'],
    ['http://localhost:3000', 'http://localhost:3000'],
  ])('accepts %s as %s', (input, expected) => {
    expect(ApiUrl.parse(input)).toBe(expected);
  });

  it.each(['', 'crm.example.com', 'ftp://crm.example.com', 'javascript:alert(1)', 'https://'])('refuses %j', (input) => {
    expect(ApiUrl.safeParse(input).success).toBe(false);
  });
});

describe('Settings', () => {
  it('normalises domains and addresses', () => {
    const parsed = Settings.parse({ apiUrl: '', token: ' t ', companyDomains: ['@Our-Company.TEST'], neverLookUp: ['Boss@Client.test', 'Private.test'] });
    expect(parsed).toEqual({ apiUrl: '', token: 't', companyDomains: ['our-company.test'], neverLookUp: ['boss@client.test', 'private.test'] });
  });

  it.each([
    [{ apiUrl: 'https://crm.test', token: 'x' }, { apiUrl: 'https://crm.test', token: 'x' }],
    [{ apiUrl: 'https://crm.test', token: '' }, null],
    [{ apiUrl: '', token: 'x' }, null],
  ])('connectionOf(%j)', (partial, expected) => {
    expect(connectionOf({ companyDomains: [], neverLookUp: [], ...partial })).toEqual(expected);
  });

  it.each([
    ['https://crm.example.com/api', 'https://crm.example.com/*'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787/*'],
  ])('asks host permission for the origin of %s only', (url, pattern) => {
    expect(originPattern(url)).toBe(pattern);
  });

  it.each([
    ['a.test\nb.test', ['a.test', 'b.test']],
    [' a.test, b.test ;c.test  ', ['a.test', 'b.test', 'c.test']],
    ['\n\n', []],
  ])('splitList(%j)', (text, expected) => {
    expect(splitList(text)).toEqual(expected);
  });
});

describe('exclusionOf', () => {
  const settings = { companyDomains: ['our-company.test'], neverLookUp: ['private.test', 'ceo@client.test'] };
  it.each([
    ['dewi@our-company.test', 'colleague'],
    ['DEWI@Our-Company.test', 'colleague'],
    ['ops@jakarta.our-company.test', 'colleague'],
    ['someone@not-our-company.test', null],
    ['friend@private.test', 'never-look-up'],
    ['friend@mail.private.test', 'never-look-up'],
    ['ceo@client.test', 'never-look-up'],
    ['cfo@client.test', null],
    ['budi@bank-sinar.co.id', null],
  ])('%s → %s', (address, expected) => {
    expect(exclusionOf(address, settings)).toBe(expected);
  });
});
