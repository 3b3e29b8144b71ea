import { describe, expect, it } from 'vitest';
import type { Account, UserRef } from '../../../lib/api';
import { conflictRows, changeLabel } from '../../../lib/sidebar/account-change-text';
import { accountFromConflict, factsChange, factsDraftOf, prefsChange, prefsDraftOf, rhythmDays, type FactsDraft } from '../../../lib/sidebar/account-edit';
import { applyEdit, shownAccount, type AccountEdit } from '../../../lib/sidebar/account-overlay';

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const dewi: UserRef = { id: ID(1), name: 'Dewi', email: 'dewi@arusdata.example' };
const nurul: UserRef = { id: ID(2), name: 'Nurul', email: 'nurul@arusdata.example' };
const sergei: UserRef = { id: ID(3), name: 'Sergei', email: 'sergei@arusdata.example' };

const account = (over: Partial<Account> = {}): Account => ({
  id: ID(9), name: 'Balt Verf', domains: ['baltverf.example'], stage: 'repeat', owner: sergei, team: [nurul],
  cadenceDays: null, preferences: { channel: 'Phone', language: '' }, specialTerms: null,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null, version: 4, ...over,
});

describe('rhythmDays', () => {
  it.each([
    ['', 'days', null],
    ['  ', 'weeks', null],
    ['14', 'days', 14],
    [' 14 ', 'days', 14],
    ['2', 'weeks', 14],
    ['1', 'days', 1],
    ['3650', 'days', 3650],
    ['521', 'weeks', 3647],
    ['0', 'days', 'invalid'],
    ['3651', 'days', 'invalid'],
    ['522', 'weeks', 'invalid'],
    ['1.5', 'days', 'invalid'],
    ['-3', 'days', 'invalid'],
    ['two', 'weeks', 'invalid'],
    ['99999999999', 'days', 'invalid'],
  ] as const)('%j %s → %s', (text, unit, expected) => {
    expect(rhythmDays(text, unit)).toBe(expected);
  });
});

describe('factsChange', () => {
  const draft = (over: Partial<FactsDraft>): FactsDraft => ({ ...factsDraftOf(account()), ...over });
  it.each([
    ['nothing changed', {}, { change: null }],
    ['the team in another order is the same team', { teamIds: [nurul.id, nurul.id] }, { change: null }],
    ['a new owner and a rhythm', { ownerId: dewi.id, rhythm: '3', unit: 'weeks' }, { change: { version: 4, ownerId: dewi.id, cadenceDays: 21 } }],
    ['no owner', { ownerId: '' }, { change: { version: 4, ownerId: null } }],
    ['stage and team', { stage: 'loyal', teamIds: [nurul.id, dewi.id] }, { change: { version: 4, stage: 'loyal', teamMemberIds: [nurul.id, dewi.id] } }],
    ['a rhythm it can not be', { rhythm: '0' }, { errors: { rhythm: true } }],
    ['a new name, trimmed', { name: '  Balt Verf Group ' }, { change: { version: 4, name: 'Balt Verf Group' } }],
    ['the same name with blanks around is no change', { name: ' Balt Verf ' }, { change: null }],
    ['domains as typed: lower-cased, each once, the set replaced', { domains: 'BaltVerf.example, balt-group.example\nbaltverf.example' },
      { change: { version: 4, domains: ['baltverf.example', 'balt-group.example'] } }],
    ['the same domains in another case are no change', { domains: 'BALTVERF.EXAMPLE' }, { change: null }],
    ['no domains at all', { domains: '  ' }, { change: { version: 4, domains: [] } }],
    ['every wrong field at once', { name: ' ', domains: 'balt verf.example', rhythm: 'x' },
      { errors: { name: 'required', rhythm: true, domains: { issues: [{ entry: 'balt', reason: 'invalid' }] } } }],
  ] as const)('%s', (_, over, expected) => {
    expect(factsChange(account(), draft(over as Partial<FactsDraft>))).toEqual(expected);
  });

  it('never rewrites a domain the account has when another fact changes', () => {
    // The CRM took www.baltverf.example; the form would write a new one without the www.
    const held = account({ domains: ['www.baltverf.example'] });
    expect(factsChange(held, { ...factsDraftOf(held), stage: 'loyal' })).toEqual({ change: { version: 4, stage: 'loyal' } });
    expect(factsChange(held, { ...factsDraftOf(held), domains: 'www.baltverf.example\nWWW.Balt-Group.example' }))
      .toEqual({ change: { version: 4, domains: ['www.baltverf.example', 'balt-group.example'] } });
  });

  it('clears a rhythm left empty, and starts from the one agreed', () => {
    const agreed = account({ cadenceDays: 30 });
    expect(factsDraftOf(agreed)).toMatchObject({ name: 'Balt Verf', domains: 'baltverf.example', rhythm: '30', unit: 'days', ownerId: sergei.id, teamIds: [nurul.id] });
    expect(factsChange(agreed, { ...factsDraftOf(agreed), rhythm: '' })).toEqual({ change: { version: 4, cadenceDays: null } });
  });
});

describe('prefsChange', () => {
  const base = prefsDraftOf(account());
  it('starts from what is recorded, empty fields as empty', () => {
    expect(base).toEqual({ channel: 'Phone', language: '', paymentTerms: '', workingStyle: '', specialTerms: '' });
  });
  it.each([
    ['nothing changed (blanks around are not a change)', { channel: ' Phone ' }, { change: null }],
    ['a field added: the whole preferences are sent', { paymentTerms: 'Net 30' }, { change: { version: 4, preferences: { channel: 'Phone', paymentTerms: 'Net 30' } } }],
    ['a field emptied is left out', { channel: '' }, { change: { version: 4, preferences: {} } }],
    ['special terms only', { specialTerms: ' 5% off ' }, { change: { version: 4, specialTerms: '5% off' } }],
    ['too long, per field', { channel: 'x'.repeat(81), specialTerms: 'y'.repeat(5001) }, { errors: { channel: 80, specialTerms: 5000 } }],
  ] as const)('%s', (_, over, expected) => {
    expect(prefsChange(account(), { ...base, ...over })).toEqual(expected);
  });
  it('clears special terms emptied', () => {
    const withTerms = account({ specialTerms: 'Free delivery' });
    expect(prefsChange(withTerms, { ...prefsDraftOf(withTerms), specialTerms: '  ' })).toEqual({ change: { version: 4, specialTerms: null } });
  });
});

describe('shownAccount', () => {
  const edit = (key: string, version: number, over: Partial<AccountEdit> = {}): AccountEdit => ({
    key, accountId: ID(9), change: { version, cadenceDays: 30 }, ...over,
  });
  const live = (...keys: string[]) => (key: string) => keys.includes(key);
  it.each([
    ['no change of mine', [], live(), 4, null, false],
    ['mine on its way', [edit('a', 4)], live('a'), 5, 30, true],
    ['two in a row, each on the version the one before makes', [edit('a', 4), edit('b', 5, { change: { version: 5, cadenceDays: 60 } })], live('a', 'b'), 6, 60, true],
    ['refused or discarded: not laid over', [edit('a', 4)], live(), 4, null, false],
    ['of another account', [edit('a', 4, { accountId: ID(8) })], live('a'), 4, null, false],
  ] as const)('%s', (_, edits, isLive, version, cadence, pending) => {
    const shown = shownAccount(account(), undefined, edits, isLive);
    expect([shown.account.version, shown.account.cadenceDays, shown.pending]).toEqual([version, cadence, pending]);
  });

  it('stops laying a change over once the CRM has it, and takes a newer version a conflict named', () => {
    expect(shownAccount(account({ version: 5, cadenceDays: 30 }), undefined, [edit('a', 4)], live('a'))).toMatchObject({ pending: false, account: { version: 5 } });
    expect(shownAccount(account(), account({ version: 7, stage: 'loyal' }), [], live()).account).toMatchObject({ version: 7, stage: 'loyal' });
    expect(shownAccount(account({ version: 8 }), account({ version: 7 }), [], live()).account.version).toBe(8);
  });

  it('puts the people a change names in place', () => {
    const shown = applyEdit(account(), { key: 'k', accountId: ID(9), change: { version: 4, ownerId: dewi.id, teamMemberIds: [] }, owner: dewi, team: [] });
    expect(shown).toMatchObject({ owner: dewi, team: [], version: 5 });
    expect(applyEdit(account(), { key: 'k', accountId: ID(9), change: { version: 4, ownerId: null }, owner: null }).owner).toBeNull();
  });
});

describe('a conflict', () => {
  it('reads the account the CRM answered with, or nothing', () => {
    expect(accountFromConflict({ account: account({ version: 6 }) })?.version).toBe(6);
    expect(accountFromConflict({ commitment: {} })).toBeNull();
    expect(accountFromConflict(null)).toBeNull();
  });

  it('sets each field mine changed beside theirs, in words', () => {
    const theirs = account({ version: 6, owner: nurul, cadenceDays: 14 });
    const mine: AccountEdit = { key: 'k', accountId: ID(9), change: { version: 4, ownerId: dewi.id, cadenceDays: 30 }, owner: dewi };
    expect(conflictRows(mine, theirs)).toEqual([
      { field: 'ownerId', name: 'Owner', mine: 'Dewi', theirs: 'Nurul' },
      { field: 'cadenceDays', name: 'Agreed rhythm', mine: '30 days', theirs: '14 days' },
    ]);
    expect(changeLabel(mine.change)).toBe('Owner, Agreed rhythm');
  });

  it('shows a name and domains mine changed beside theirs', () => {
    const theirs = account({ version: 6, name: 'Balt Verf Service', domains: ['baltverf.example', 'bvs.example'] });
    const mine: AccountEdit = { key: 'k', accountId: ID(9), change: { version: 4, name: 'Balt Verf Group', domains: [] } };
    expect(conflictRows(mine, theirs)).toEqual([
      { field: 'name', name: 'Client name', mine: 'Balt Verf Group', theirs: 'Balt Verf Service' },
      { field: 'domains', name: 'Domains', mine: 'none', theirs: 'baltverf.example, bvs.example' },
    ]);
    expect(changeLabel(mine.change)).toBe('Client name, Domains');
    expect(applyEdit(theirs, mine)).toMatchObject({ name: 'Balt Verf Group', domains: [], version: 5 });
  });
});
