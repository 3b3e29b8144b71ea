import type { Account, AccountDetail, AccountSummary, Commitment, Interaction, LookupMatch, Me } from '../../lib/api';

export const ACCOUNT_ID = '11111111-1111-4111-8111-111111111111';
export const OTHER_ACCOUNT_ID = '22222222-2222-4222-8222-222222222222';
export const USER_ID = '33333333-3333-4333-8333-333333333333';
export const TEAM_ID = '44444444-4444-4444-8444-444444444444';
export const CONTACT_ID = '55555555-5555-4555-8555-555555555555';
const AT = '2026-11-20T10:00:00.000Z';

export const ME: Me = {
  user: { id: USER_ID, name: 'Dewi Lestari', email: 'dewi@our-company.test', teamId: TEAM_ID, active: true },
  team: { id: TEAM_ID, name: 'Jakarta Enterprise', teamMayEditNotes: false },
};

export function summary(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: ACCOUNT_ID,
    name: 'Bank Sinar',
    stage: 'repeat',
    owner: { id: USER_ID, name: 'Dewi Lestari', email: 'dewi@our-company.test' },
    lastContactAt: AT,
    cadenceDays: 14,
    openCommitments: 2,
    overdueCommitments: 1,
    contactsInTouch: 1,
    risk: { level: 'watch', reasons: [{ code: 'overdue-commitments', count: 1, oldestDaysOverdue: 9 }] },
    ...overrides,
  };
}

/** The CRM's answer for one address: a contact at Bank Sinar, or unknown. */
export function contactMatch(email: string, name = 'Budi Santoso'): LookupMatch {
  return { match: 'contact', email, contact: { id: CONTACT_ID, name, role: 'IT Director' }, account: summary() };
}

export function unknownMatch(email: string): LookupMatch {
  return { match: 'unknown', email };
}

export function accountDetail(name = 'Bank Sinar'): AccountDetail {
  return {
    account: {
      id: ACCOUNT_ID, name, domains: ['bank-sinar.co.id'], stage: 'repeat', owner: null, team: [], cadenceDays: 14,
      preferences: {}, specialTerms: null, createdAt: AT, updatedAt: AT, updatedBy: null, version: 1,
    },
    contacts: [],
    summary: summary({ name }),
  };
}

export function commitment(overrides: Partial<Commitment> = {}): Commitment {
  return {
    id: '66666666-6666-4666-8666-666666666666', accountId: ACCOUNT_ID, contactId: null, owner: null,
    text: 'Send the revised SLA', dueDate: '2026-11-30', status: 'open', createdAt: AT, completedAt: null,
    sourceInteractionId: null, version: 1, ...overrides,
  };
}

export function account(overrides: Partial<Account> = {}): Account {
  return { ...accountDetail().account, ...overrides };
}

export const INTERACTION_ID = '88888888-8888-4888-8888-888888888888';

/** A note Dewi logged about Bank Sinar. */
export function interaction(overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: INTERACTION_ID, accountId: ACCOUNT_ID, kind: 'note', direction: 'internal', occurredAt: AT, summary: 'Called about the SLA',
    author: { id: USER_ID, name: 'Dewi Lestari', email: 'dewi@our-company.test' }, contactIds: [], amount: null, threadId: null,
    createdAt: AT, updatedAt: AT, updatedBy: null, version: 1, ...overrides,
  };
}
