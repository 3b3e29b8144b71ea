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
