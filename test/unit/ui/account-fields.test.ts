import { describe, expect, it } from 'vitest';
import type { Account, AccountPatch, UserRef } from '../../../lib/api';
import { conflictAccount, versionRows, withPatch } from '../../../lib/ui/account-fields';

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const dewi: UserRef = { id: ID(1), name: 'Dewi', email: 'dewi@arusdata.example' };
const nurul: UserRef = { id: ID(2), name: 'Nurul', email: 'nurul@arusdata.example' };
const theirs: Account = {
  id: ID(9), name: 'Bank Sinar', domains: ['banksinar.co.id'], stage: 'repeat', owner: dewi, team: [nurul],
  cadenceDays: 14, preferences: {}, specialTerms: null,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null, version: 6,
};
const unknown = (id: string): UserRef => ({ id, name: '?', email: '' });

describe('an account change beside the CRM\'s version (the popup)', () => {
  it('reads the account of a 409 answer, or nothing', () => {
    expect(conflictAccount({ account: theirs })?.version).toBe(6);
    expect(conflictAccount({ commitment: { version: 1 } })).toBeNull();
    expect(conflictAccount({ account: { version: 1 } })).toBeNull();
    expect(conflictAccount('conflict')).toBeNull();
  });

  it.each([
    ['name and domains', { version: 5, name: ' Bank Sinar Group ', domains: ['banksinar.co.id', 'sinar.example'] }, [
      { field: 'name', name: 'Client name', mine: 'Bank Sinar Group', theirs: 'Bank Sinar' },
      { field: 'domains', name: 'Domains', mine: 'banksinar.co.id, sinar.example', theirs: 'banksinar.co.id' },
    ]],
    ['stage and rhythm cleared', { version: 5, stage: 'loyal', cadenceDays: null }, [
      { field: 'stage', name: 'Stage', mine: 'Loyal client', theirs: 'Repeat client' },
      { field: 'cadenceDays', name: 'Agreed rhythm', mine: 'no agreed rhythm', theirs: '14 days' },
    ]],
    ['people by id: known ones by name, others as unknown', { version: 5, ownerId: ID(2), teamMemberIds: [ID(1), ID(3)] }, [
      { field: 'ownerId', name: 'Owner', mine: 'Nurul', theirs: 'Dewi' },
      { field: 'teamMemberIds', name: 'Team', mine: 'Dewi, ?', theirs: 'Nurul' },
    ]],
  ] as [string, AccountPatch, unknown[]][])('%s', (_, body, rows) => {
    expect(versionRows(body, withPatch(theirs, body, unknown), theirs)).toEqual(rows);
  });
});
