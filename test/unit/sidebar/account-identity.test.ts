import { describe, expect, it } from 'vitest';
import { checkDomains, checkName, domainEntries, sameDomains } from '../../../lib/sidebar/account-identity';

describe('checkName', () => {
  it.each([
    ['Balt Verf', { name: 'Balt Verf' }],
    ['  Balt Verf  ', { name: 'Balt Verf' }],
    ['ООО «Балтийские Верфи»', { name: 'ООО «Балтийские Верфи»' }],
    ['', { error: 'required' }],
    [' \n\t ', { error: 'required' }],
    ['x'.repeat(200), { name: 'x'.repeat(200) }],
    ['x'.repeat(201), { error: 'too-long', max: 200 }],
    [` ${'x'.repeat(200)} `, { name: 'x'.repeat(200) }],
  ] as const)('%j', (text, expected) => {
    expect(checkName(text)).toEqual(expected);
  });
});

describe('domainEntries', () => {
  it.each([
    ['', []],
    ['a.example', ['a.example']],
    ['a.example\nb.example', ['a.example', 'b.example']],
    [' a.example , b.example;c.example  d.example\r\n', ['a.example', 'b.example', 'c.example', 'd.example']],
  ] as const)('%j', (text, expected) => expect(domainEntries(text)).toEqual(expected));
});

describe('checkDomains', () => {
  it.each([
    ['nothing typed: no domains', '', { domains: [] }],
    ['lower-cased', 'Bank-Sinar.CO.ID', { domains: ['bank-sinar.co.id'] }],
    ['each once, in the order typed', 'b.example\na.example\nB.example', { domains: ['b.example', 'a.example'] }],
    ['a leading @, a web address, www. and a trailing dot or slash taken off', '@a.example https://www.b.example/ c.example.', { domains: ['a.example', 'b.example', 'c.example'] }],
    ['an internationalised domain in its ASCII form', 'xn--80ak6aa92e.com', { domains: ['xn--80ak6aa92e.com'] }],
    ['no dot', 'localhost', { issues: [{ entry: 'localhost', reason: 'invalid' }] }],
    ['an underscore', 'bank_sinar.co.id', { issues: [{ entry: 'bank_sinar.co.id', reason: 'invalid' }] }],
    ['a hyphen at an end of a label', '-bank.example', { issues: [{ entry: '-bank.example', reason: 'invalid' }] }],
    ['a number for a top level', 'bank.123', { issues: [{ entry: 'bank.123', reason: 'invalid' }] }],
    ['a label over 63 characters', `${'a'.repeat(64)}.example`, { issues: [{ entry: `${'a'.repeat(64)}.example`, reason: 'invalid' }] }],
    ['an address: its domain is named', 'Budi@Bank-Sinar.co.id', { issues: [{ entry: 'Budi@Bank-Sinar.co.id', reason: 'address', domain: 'bank-sinar.co.id' }] }],
    ['an address at free mail is named as such, with no domain to suggest', 'budi@gmail.com', { issues: [{ entry: 'budi@gmail.com', reason: 'free-mail-address', domain: 'gmail.com' }] }],
    ['free mail never identifies a client', 'GMail.com', { issues: [{ entry: 'GMail.com', reason: 'free-mail' }] }],
    ['every bad entry named, the good ones kept out of the answer', 'a.example, nope, yahoo.com, b..example',
      { issues: [{ entry: 'nope', reason: 'invalid' }, { entry: 'yahoo.com', reason: 'free-mail' }, { entry: 'b..example', reason: 'invalid' }] }],
  ] as const)('%s', (_, text, expected) => {
    expect(checkDomains(text)).toEqual(expected);
  });

  it('takes the domains the account has as they are, checking only what is new', () => {
    const kept = ['www.bank-sinar.co.id', 'yahoo.com'];
    expect(checkDomains('www.bank-sinar.co.id\nyahoo.com', kept)).toEqual({ domains: kept });
    expect(checkDomains('www.bank-sinar.co.id\nyahoo.com\nWWW.Sinar.example', kept)).toEqual({ domains: [...kept, 'sinar.example'] });
    expect(checkDomains('www.bank-sinar.co.id\ngmail.com', kept)).toEqual({ issues: [{ entry: 'gmail.com', reason: 'free-mail' }] });
  });

  it('takes at most as many as the CRM does (duplicates not counted)', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `d${i}.example`);
    expect(checkDomains([...twenty, 'd0.example'].join('\n'))).toEqual({ domains: twenty });
    expect(checkDomains([...twenty, 'd20.example'].join('\n'))).toEqual({ issues: [], tooMany: 20 });
    expect(checkDomains([...twenty, 'd20.example', 'bad'].join('\n'))).toEqual({ issues: [{ entry: 'bad', reason: 'invalid' }], tooMany: 20 });
  });
});

describe('sameDomains', () => {
  it.each([
    [[], [], true],
    [['a.example', 'b.example'], ['b.example', 'a.example'], true],
    [['a.example'], ['a.example', 'b.example'], false],
    [['a.example', 'a.example'], ['a.example'], true],
    [['a.example', 'b.example'], ['a.example', 'a.example'], false],
  ] as const)('%j %j → %s', (a, b, expected) => expect(sameDomains(a, b)).toBe(expected));
});
