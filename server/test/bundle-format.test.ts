import { describe, expect, it } from 'vitest';
import { checkReferences, type TeamState } from '../bundle/check-references';
import { formatPath, parseWith } from '../bundle/errors';
import { Bundle, type BundleInput } from '../bundle/format';

const emptyTeam: TeamState = { users: new Map(), contactEmails: new Set(), domains: new Set() };

/** A small valid bundle that each case breaks in one place. */
function sample(): BundleInput {
  return {
    version: 1,
    users: [{ email: 'rina@vendor.example', name: 'Rina' }],
    accounts: [{ ref: 'sinar', name: 'PT Bank Sinar', domains: ['bank-sinar.co.id'], owner: 'rina@vendor.example' }],
    contacts: [{ account: 'sinar', name: 'Budi', emails: ['budi@bank-sinar.co.id'] }],
    interactions: [{ ref: 'call-1', account: 'sinar', kind: 'call', occurredAt: '2026-11-01T09:00:00Z', summary: 'Call', contacts: ['budi@bank-sinar.co.id'] }],
    commitments: [{ account: 'sinar', text: 'Send the quote', contact: 'budi@bank-sinar.co.id', source: 'call-1' }],
  };
}

function problems(edit: (b: BundleInput & Record<string, unknown>) => void, team: TeamState = emptyTeam): string[] {
  const input = structuredClone(sample()) as BundleInput & Record<string, unknown>;
  edit(input);
  const parsed = parseWith(Bundle, input);
  const issues = parsed.ok ? checkReferences(parsed.data, team) : parsed.issues;
  return issues.map((i) => `${i.path}: ${i.message}`);
}

const at = <T>(list: T[] | undefined, i: number): T => {
  const item = list?.[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
};

describe('bundle validation', () => {
  it('accepts the sample and fills in defaults', () => {
    expect(problems(() => {})).toEqual([]);
    const parsed = Bundle.parse(sample());
    expect(parsed.accounts[0]).toMatchObject({ stage: 'prospect', team: [], cadenceDays: null, preferences: {}, specialTerms: null });
    expect(parsed.interactions[0]).toMatchObject({ direction: 'internal', author: null, amount: null, threadId: null });
    expect(parsed.commitments[0]).toMatchObject({ status: 'open', dueDate: null, completedAt: null, owner: null });
  });

  it.each<[string, (b: BundleInput & Record<string, unknown>) => void, string]>([
    ['wrong version', (b) => { (b as Record<string, unknown>).version = 2; }, 'version: must be 1'],
    ['unknown top-level field', (b) => { b.acounts = []; }, 'acounts: unknown field'],
    ['misspelt account field', (b) => { (at(b.accounts, 0) as Record<string, unknown>).onwer = 'x@y.com'; }, 'accounts[0].onwer: unknown field'],
    ['bad contact email', (b) => { at(b.contacts, 0).emails = ['budi@bank-sinar.co.id', 'not-an-address']; }, 'contacts[0].emails[1]: not an email address'],
    ['no contact email', (b) => { at(b.contacts, 0).emails = []; }, 'contacts[0].emails: needs at least 1 item'],
    ['missing name', (b) => { delete (at(b.contacts, 0) as Partial<{ name: string }>).name; }, 'contacts[0].name: required (text)'],
    ['blank name', (b) => { at(b.accounts, 0).name = '   '; }, 'accounts[0].name: must not be empty'],
    ['bad stage', (b) => { (at(b.accounts, 0) as Record<string, unknown>).stage = 'vip'; }, 'accounts[0].stage: must be one of "prospect", "potential", "buying", "repeat", "loyal", "promoter", "lost"'],
    ['bad domain', (b) => { at(b.accounts, 0).domains = ['not a domain']; }, 'accounts[0].domains[0]: expected a domain name such as example.com'],
    ['instant without zone', (b) => { at(b.interactions, 0).occurredAt = '2026-11-01 09:00'; }, 'interactions[0].occurredAt: not an instant with a time zone such as 2026-11-23T10:00:00Z'],
    ['bad due date', (b) => { at(b.commitments, 0).dueDate = '23/11/2026'; }, 'commitments[0].dueDate: not a day such as 2026-11-23'],
    ['fractional cadence', (b) => { at(b.accounts, 0).cadenceDays = 1.5; }, 'accounts[0].cadenceDays: expected a whole number'],
    ['zero cadence', (b) => { at(b.accounts, 0).cadenceDays = 0; }, 'accounts[0].cadenceDays: must be more than 0'],
    ['amount as text', (b) => { (at(b.interactions, 0) as Record<string, unknown>).amount = '100'; }, 'interactions[0].amount: expected a number'],
    ['unknown account ref', (b) => { at(b.interactions, 0).account = 'acme'; }, 'interactions[0].account: no account with ref "acme"'],
    ['duplicate account ref', (b) => { b.accounts?.push({ ref: 'sinar', name: 'Other' }); }, 'accounts[1].ref: "sinar" is already the ref of accounts[0]'],
    ['unknown owner', (b) => { at(b.accounts, 0).owner = 'ghost@vendor.example'; }, 'accounts[0].owner: no user "ghost@vendor.example" in this team; add them to "users" to create them'],
    ['unknown team member', (b) => { at(b.accounts, 0).team = ['ghost@vendor.example']; }, 'accounts[0].team[0]: no user "ghost@vendor.example" in this team; add them to "users" to create them'],
    ['duplicate user', (b) => { b.users?.push({ email: 'RINA@vendor.example', name: 'R' }); }, 'users[1].email: "rina@vendor.example" is already listed as users[0]'],
    ['free-mail domain', (b) => { at(b.accounts, 0).domains = ['gmail.com']; }, 'accounts[0].domains[0]: "gmail.com" is a free-mail domain shared by unrelated people'],
    ['domain used twice', (b) => { b.accounts?.push({ ref: 'b', name: 'B', domains: ['Bank-Sinar.co.id'] }); }, 'accounts[1].domains[0]: "bank-sinar.co.id" is already a domain of accounts[0]'],
    ['address used twice', (b) => { b.contacts?.push({ account: 'sinar', name: 'B2', emails: ['Budi@bank-sinar.co.id'] }); }, 'contacts[1].emails[0]: "budi@bank-sinar.co.id" is already an address of contacts[0]'],
    ['interaction names a stranger', (b) => { at(b.interactions, 0).contacts = ['x@y.com']; }, 'interactions[0].contacts[0]: no contact with email "x@y.com"'],
    ['contact of another account', (b) => {
      b.accounts?.push({ ref: 'other', name: 'Other' });
      at(b.commitments, 0).account = 'other';
      at(b.commitments, 0).source = null;
    }, 'commitments[0].contact: "budi@bank-sinar.co.id" is a contact of account "sinar", not "other"'],
    ['unknown source', (b) => { at(b.commitments, 0).source = 'call-9'; }, 'commitments[0].source: no interaction with ref "call-9"'],
    ['open but completed', (b) => { at(b.commitments, 0).completedAt = '2026-11-02T09:00:00Z'; }, 'commitments[0].completedAt: an open commitment has no completion time'],
  ])('%s', (_name, edit, expected) => {
    expect(problems(edit)).toEqual([expected]);
  });

  it.each<[string, Partial<TeamState>, string]>([
    ['address already in the team', { contactEmails: new Set(['budi@bank-sinar.co.id']) }, 'contacts[0].emails[0]: "budi@bank-sinar.co.id" already belongs to a contact of this team'],
    ['domain already in the team', { domains: new Set(['bank-sinar.co.id']) }, 'accounts[0].domains[0]: "bank-sinar.co.id" already belongs to an account of this team'],
  ])('collision with the team: %s', (_name, state, expected) => {
    expect(problems(() => {}, { ...emptyTeam, ...state })).toEqual([expected]);
  });

  it('accepts owners that already exist in the team without listing them', () => {
    const team = { ...emptyTeam, users: new Map([['lead@vendor.example', { id: 'u1' }]]) };
    expect(problems((b) => { at(b.accounts, 0).owner = 'Lead@Vendor.example'; }, team)).toEqual([]);
  });

  it('reports every problem, not just the first', () => {
    const found = problems((b) => {
      at(b.contacts, 0).emails = ['bad'];
      at(b.interactions, 0).kind = 'fax' as never;
    });
    expect(found).toHaveLength(2);
  });

  it.each([
    [['contacts', 3, 'emails', 0], 'contacts[3].emails[0]'],
    [['version'], 'version'],
    [[], ''],
  ])('formatPath(%j) = %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
