import { describe, expect, it } from 'vitest';
import { contactFromDraft } from '../../../lib/sidebar/contact-check';
import { companyFromDomain, nameFromAddress, prefillContact } from '../../../lib/sidebar/contact-draft';

const ACCOUNT = '7d3f0c43-5a0e-4a8e-9b0e-2f4c6b1a9e01';

describe('companyFromDomain', () => {
  it.each([
    ['nowhere-trading.example', 'Nowhere Trading'],
    ['semengunungkapur.co.id', 'Semengunungkapur'],
    ['mail.severtrans.ru', 'Severtrans'],
    ['acme.com.my', 'Acme'],
    ['gmail.com', ''],
    ['Yandex.RU', ''],
    ['', ''],
  ])('%s → "%s"', (domain, company) => {
    expect(companyFromDomain(domain)).toBe(company);
  });
});

describe('nameFromAddress', () => {
  it.each([
    ['budi.santoso@banksinar.co.id', 'Budi Santoso'],
    ['olga_kuznetsova@severtrans.ru', 'Olga Kuznetsova'],
    ['info2024@x.example', ''],
    ['not-an-address', ''],
  ])('%s → "%s"', (email, name) => {
    expect(nameFromAddress(email)).toBe(name);
  });
});

describe('prefillContact', () => {
  it.each([
    ['display name, company from the domain', { name: 'Rina Hartati', email: 'rina@nowhere-trading.example' }, null,
      { name: 'Rina Hartati', email: 'rina@nowhere-trading.example', role: '', accountId: null, company: 'Nowhere Trading' }],
    ['no display name: from the address; free mail: no company', { name: '', email: 'larasati.batik@gmail.com' }, null,
      { name: 'Larasati Batik', email: 'larasati.batik@gmail.com', role: '', accountId: null, company: '' }],
    ['the display name is the address itself', { name: 'x@acme.example', email: 'x@acme.example' }, null,
      { name: 'X', email: 'x@acme.example', role: '', accountId: null, company: 'Acme' }],
    ['a known account by domain: joins it', { name: '', email: 'procurement@kilangsawit.co.id' }, { id: ACCOUNT },
      { name: 'Procurement', email: 'procurement@kilangsawit.co.id', role: '', accountId: ACCOUNT, company: '' }],
  ] as const)('%s', (_, person, account, expected) => {
    expect(prefillContact(person, account)).toEqual(expected);
  });
});

describe('contactFromDraft', () => {
  const draft = { name: 'Rina Hartati', email: 'Rina@Nowhere-Trading.example', role: ' Buyer ', accountId: null, company: 'Nowhere Trading' };

  it('makes a contact with a new account named by the user, with the address’s domain', () => {
    expect(contactFromDraft(draft)).toEqual({
      ok: true,
      body: { name: 'Rina Hartati', emails: ['Rina@Nowhere-Trading.example'], role: 'Buyer', newAccount: { name: 'Nowhere Trading', domains: ['nowhere-trading.example'] } },
    });
  });

  it('joins an existing account', () => {
    const result = contactFromDraft({ ...draft, accountId: ACCOUNT, company: '' });
    expect(result).toEqual({ ok: true, body: { name: 'Rina Hartati', emails: ['Rina@Nowhere-Trading.example'], role: 'Buyer', accountId: ACCOUNT } });
  });

  it('never gives a new account a free-mail domain', () => {
    const result = contactFromDraft({ ...draft, email: 'rina@gmail.com', company: 'Batik Rina' });
    expect(result.ok && 'newAccount' in result.body ? result.body.newAccount?.domains : null).toEqual([]);
  });

  it.each([
    ['no name', { name: '  ' }, ['name']],
    ['not an address', { email: 'rina at nowhere' }, ['email']],
    ['no company for a new account', { company: '' }, ['company']],
    ['everything missing', { name: '', email: '', company: '' }, ['company', 'email', 'name']],
  ] as const)('%s: says which field', (_, change, fields) => {
    const result = contactFromDraft({ ...draft, ...change });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(fields);
  });
});
