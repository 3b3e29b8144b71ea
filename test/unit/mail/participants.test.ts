import { describe, expect, it } from 'vitest';
import { makeIsOurs, toAddress, uniqueByEmail } from '../../../lib/mail/participants';

describe('toAddress', () => {
  it.each([
    [' Ana.Lestari@Bank-Sinar.co.id ', 'ana.lestari@bank-sinar.co.id'],
    ['me@ourcompany.example', 'me@ourcompany.example'],
    ['Ana Lestari', null],
    ['ana@localhost', null],
    ['two words@x.example', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%s → %s', (raw, expected) => {
    expect(toAddress(raw)).toBe(expected);
  });

  it('takes an address that needs no normalising as it is, and answers every text as normalising it first would', () => {
    // The rule, spelt out: trimmed and lower-cased, then shaped like an address.
    const reference = (raw: string) => {
      const address = raw.trim().toLowerCase();
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) ? address : null;
    };
    const parts = ['a', 'Z', '.', '@', ' ', '\t', '\u00a0', 'É', 'é', 'ß', '-', '_', '+', '[', '~', '?', '!', 'İ', '\u212a', '1', ''];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor(seed / 65536) % n; // the high bits: the low ones of this generator repeat quickly
    };
    const texts = ['ana@bank.example', 'ana.lestari@bank-sinar.co.id', 'a@b.c', 'a@b.', '@b.c', 'a@.c', 'a@b..c', 'a@@b.c', 'x+tag@sub.domain.example'];
    const text = (n: number) => Array.from({ length: n }, () => parts[random(parts.length)]).join('');
    for (let i = 0; i < 2000; i++) texts.push(text(1 + random(12)), `${text(random(4))}a${text(random(3))}@b${text(random(4))}.c${text(random(3))}`);
    // Both ways are tried: addresses taken as they are, and others.
    expect(texts.filter((t) => toAddress(t) === t).length).toBeGreaterThan(200);
    expect(texts.filter((t) => toAddress(t) !== null && toAddress(t) !== t).length).toBeGreaterThan(200);
    for (const raw of texts) expect(toAddress(raw), JSON.stringify(raw)).toBe(reference(raw));
    const raw = 'already.normal@client.example';
    expect(toAddress(raw)).toBe(raw);
  });
});

describe('makeIsOurs', () => {
  const isOurs = makeIsOurs({ ownAddresses: ['Me@OurCompany.example', 'me.private@gmail.com'], companyDomains: ['@OurCompany.example'] });
  it.each([
    ['me@ourcompany.example', true],
    ['me.private@gmail.com', true],
    ['dewi.kartika@ourcompany.example', true],
    ['radu@eu.ourcompany.example', true],
    ['ana@notourcompany.example', false],
    ['aziz.rahman.harimau@gmail.com', false],
    ['ana.lestari@bank-sinar.co.id', false],
  ])('%s → %s', (address, expected) => {
    expect(isOurs(address)).toBe(expected);
  });
});

describe('uniqueByEmail', () => {
  it('keeps the first occurrence, in order', () => {
    const a = { name: 'Ana', email: 'a@x.example' };
    const b = { name: 'Budi', email: 'b@x.example' };
    expect(uniqueByEmail([a, b, { name: 'Ana L.', email: 'a@x.example' }])).toEqual([a, b]);
  });
});
