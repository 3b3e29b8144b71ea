import { describe, expect, it } from 'vitest';
import { chosenAccount, contactWrite } from '../../../lib/sidebar/contact-attach';
import { prefillContact } from '../../../lib/sidebar/contact-draft';

const ACCOUNT = { id: '7d3f0c43-5a0e-4a8e-9b0e-2f4c6b1a9e01', name: 'Bank Sinar' };
const CONTACT = '0b6a1c1e-9d2f-4c83-8a8c-2f3d1e5b7a10';
const rina = prefillContact({ name: 'Rina Hartati', email: 'rina@nowhere-trading.example' }, null);

describe('contactWrite', () => {
  it('adds someone new to the account picked', () => {
    expect(contactWrite(rina, { account: ACCOUNT, contactId: null })).toEqual({
      ok: true,
      write: { type: 'contact', body: { name: 'Rina Hartati', emails: ['rina@nowhere-trading.example'], role: null, accountId: ACCOUNT.id } },
    });
  });

  it('creates the account named in the form when none is picked', () => {
    const result = contactWrite(rina, { account: null, contactId: null });
    expect(result.ok && result.write).toMatchObject({ type: 'contact', body: { newAccount: { name: 'Nowhere Trading', domains: ['nowhere-trading.example'] } } });
  });

  it('adds the address to a person the account has', () => {
    expect(contactWrite({ ...rina, email: ' rina@nowhere-trading.example ' }, { account: ACCOUNT, contactId: CONTACT })).toEqual({
      ok: true,
      write: { type: 'contact-emails', contactId: CONTACT, accountId: ACCOUNT.id, body: { emails: ['rina@nowhere-trading.example'] } },
    });
  });

  it.each([
    ['no address, for a known person', { email: 'not an address' }, ACCOUNT, CONTACT, ['email']],
    ['no name, for someone new', { name: ' ' }, ACCOUNT, null, ['name']],
    ['no company and no account', { company: '' }, null, null, ['company']],
  ] as const)('refuses %s', (_, change, account, contactId, fields) => {
    const result = contactWrite({ ...rina, ...change }, { account, contactId });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors)).toEqual(fields);
  });
});

describe('chosenAccount', () => {
  const domains = { id: 'a', name: 'By domain' };
  it.each([
    ['as prefilled', undefined, domains, domains],
    ['as prefilled, none', undefined, null, null],
    ['picked', ACCOUNT, domains, ACCOUNT],
    ['a new one instead', null, domains, null],
  ] as const)('%s', (_, picked, prefilled, expected) => expect(chosenAccount(picked, prefilled)).toEqual(expected));
});
