import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db';
import { bulkInsert, uuidArrayLiteral } from './bulk-insert';
import type { TeamState } from './check-references';
import type { Bundle } from './format';

/** How many records of each kind an import created. */
export interface ImportSummary {
  users: number;
  accounts: number;
  contacts: number;
  interactions: number;
  commitments: number;
}

const need = <T>(value: T | undefined, what: string): T => {
  // Unreachable after checkReferences; a clear failure beats writing a null foreign key.
  if (value === undefined) throw new Error(`import: ${what} was not resolved`);
  return value;
};

/**
 * Writes a checked bundle. Runs inside the caller's transaction, after `checkReferences` found
 * nothing wrong; every id is made here so rows can point at each other before they exist.
 */
export async function writeBundle(tx: Queryable, teamId: string, bundle: Bundle, team: TeamState): Promise<ImportSummary> {
  const now = new Date().toISOString();
  const userIds = new Map<string, string>([...team.users].map(([email, u]) => [email, u.id]));
  const newUsers = bundle.users.filter((u) => !userIds.has(u.email));
  for (const u of newUsers) userIds.set(u.email, randomUUID());
  const userId = (email: string | null) => (email === null ? null : need(userIds.get(email), `user ${email}`));

  const accountIds = new Map<string, string>();
  const newAccounts = bundle.accounts.filter((a) => {
    const existing = team.accountsByName?.get(a.ref.toLowerCase());
    accountIds.set(a.ref, existing ?? randomUUID());
    return existing === undefined;
  });
  const accountId = (ref: string) => need(accountIds.get(ref), `account ${ref}`);

  const contactIds = new Map<string, string>();
  const contacts = bundle.contacts.map((c) => {
    const id = randomUUID();
    for (const email of c.emails) contactIds.set(email, id);
    return { id, c };
  });
  const contactId = (email: string | null) => (email === null ? null : need(contactIds.get(email), `contact ${email}`));

  const interactionIds = new Map<string, string>();
  const interactions = bundle.interactions.map((it) => {
    const id = randomUUID();
    if (it.ref !== undefined) interactionIds.set(it.ref, id);
    return { id, it };
  });
  const commitments = bundle.commitments.map((c) => ({ id: randomUUID(), c }));

  await bulkInsert(tx, 'users', [
    { name: 'id', type: 'uuid' }, { name: 'team_id', type: 'uuid' }, { name: 'name', type: 'text' },
    { name: 'email', type: 'text' }, { name: 'active', type: 'boolean' },
  ], newUsers.map((u) => [userIds.get(u.email), teamId, u.name, u.email, u.active]));

  if (bundle.riskSettings !== undefined) {
    await tx.query('update teams set risk_settings = $2::jsonb where id = $1', [teamId, JSON.stringify(bundle.riskSettings)]);
  }

  await bulkInsert(tx, 'accounts', [
    { name: 'id', type: 'uuid' }, { name: 'team_id', type: 'uuid' }, { name: 'name', type: 'text' },
    { name: 'stage', type: 'text' }, { name: 'owner_id', type: 'uuid' }, { name: 'cadence_days', type: 'integer' },
    { name: 'preferences', type: 'text', cast: 'jsonb' }, { name: 'special_terms', type: 'text' },
  ], newAccounts.map((a) => [
    accountId(a.ref), teamId, a.name, a.stage, userId(a.owner), a.cadenceDays, JSON.stringify(a.preferences), a.specialTerms,
  ]));
  await bulkInsert(tx, 'account_domains', [
    { name: 'team_id', type: 'uuid' }, { name: 'domain', type: 'text' }, { name: 'account_id', type: 'uuid' },
  ], newAccounts.flatMap((a) => a.domains.map((d) => [teamId, d, accountId(a.ref)])));
  await bulkInsert(tx, 'account_members', [{ name: 'account_id', type: 'uuid' }, { name: 'user_id', type: 'uuid' }],
    newAccounts.flatMap((a) => [...new Set(a.team)].map((email) => [accountId(a.ref), userId(email)])));

  await bulkInsert(tx, 'contacts', [
    { name: 'id', type: 'uuid' }, { name: 'team_id', type: 'uuid' }, { name: 'account_id', type: 'uuid' },
    { name: 'name', type: 'text' }, { name: 'role', type: 'text' }, { name: 'phone', type: 'text' },
  ], contacts.map(({ id, c }) => [id, teamId, accountId(c.account), c.name, c.role, c.phone]));
  await bulkInsert(tx, 'contact_emails', [
    { name: 'team_id', type: 'uuid' }, { name: 'email', type: 'text' }, { name: 'contact_id', type: 'uuid' },
    { name: 'position', type: 'smallint' },
  ], contacts.flatMap(({ id, c }) => c.emails.map((email, position) => [teamId, email, id, position])));

  await bulkInsert(tx, 'interactions', [
    { name: 'id', type: 'uuid' }, { name: 'team_id', type: 'uuid' }, { name: 'account_id', type: 'uuid' },
    { name: 'kind', type: 'text' }, { name: 'direction', type: 'text' }, { name: 'occurred_at', type: 'timestamptz' },
    { name: 'summary', type: 'text' }, { name: 'author_id', type: 'uuid' }, { name: 'contact_ids', type: 'text', cast: 'uuid[]' },
    { name: 'amount', type: 'numeric' }, { name: 'thread_id', type: 'text' },
  ], interactions.map(({ id, it }) => [
    id, teamId, accountId(it.account), it.kind, it.direction, it.occurredAt, it.summary, userId(it.author),
    uuidArrayLiteral([...new Set(it.contacts.map((e) => need(contactIds.get(e), `contact ${e}`)))]), it.amount, it.threadId,
  ]));

  await bulkInsert(tx, 'commitments', [
    { name: 'id', type: 'uuid' }, { name: 'team_id', type: 'uuid' }, { name: 'account_id', type: 'uuid' },
    { name: 'contact_id', type: 'uuid' }, { name: 'owner_id', type: 'uuid' }, { name: 'text', type: 'text' },
    { name: 'due_date', type: 'date' }, { name: 'status', type: 'text' }, { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' }, { name: 'completed_at', type: 'timestamptz' },
    { name: 'source_interaction_id', type: 'uuid' },
  ], commitments.map(({ id, c }) => [
    id, teamId, accountId(c.account), contactId(c.contact), userId(c.owner), c.text, c.dueDate, c.status,
    c.createdAt ?? now, now, c.status === 'open' ? null : (c.completedAt ?? now),
    c.source === null ? null : need(interactionIds.get(c.source), `interaction ${c.source}`),
  ]));

  // The changes feed tells the extensions' caches what to fetch again.
  await bulkInsert(tx, 'changes', [
    { name: 'team_id', type: 'uuid' }, { name: 'type', type: 'text' }, { name: 'record_id', type: 'uuid' }, { name: 'account_id', type: 'uuid' },
  ], [
    ...newAccounts.map((a) => [teamId, 'account', accountId(a.ref), accountId(a.ref)]),
    ...contacts.map(({ id, c }) => [teamId, 'contact', id, accountId(c.account)]),
    ...interactions.map(({ id, it }) => [teamId, 'interaction', id, accountId(it.account)]),
    ...commitments.map(({ id, c }) => [teamId, 'commitment', id, accountId(c.account)]),
  ]);

  return {
    users: newUsers.length, accounts: newAccounts.length, contacts: contacts.length,
    interactions: interactions.length, commitments: commitments.length,
  };
}
