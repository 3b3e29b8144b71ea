import type { Hono } from 'hono';
import type { CommitmentResult, ContactCreated, InteractionCreated } from '../../../lib/api';
import { exportBundle } from '../../bundle';
import type { Bundle } from '../../bundle';
import type { Db } from '../../db';
import type { AppEnv } from '../../http/env';
import { hashToken } from '../../store/tokens';
import { createToken, createUser } from '../../store/users';
import { client, type Answer } from './client';
import { countRows, makeTeam, type TeamFixture } from './fixtures';

/**
 * Two teams with one record of every kind each, for tests that aim one team's requests at the
 * other's records: `makeTeam`'s account, contact and users, plus a second account with its own
 * contact, an interaction with a promise, a commitment, a revoked token and a deactivated user.
 */
export interface TeamWorld extends TeamFixture {
  name: string;
  /** A second account of the team (made with a contact through the API), for refs across accounts. */
  otherAccountId: string;
  otherContactId: string;
  otherDomain: string;
  /** A call on `accountId` with `contactId`; a promise made in it. */
  interactionId: string;
  promiseId: string;
  /** A commitment on `accountId` to `contactId`, at version 1 when the world is made. */
  commitmentId: string;
  /** A second token of the owner, revoked (`api_tokens.revoked_at` set). */
  revokedToken: string;
  /** A user of the team who was deactivated (`users.active = false`), and their token. */
  inactiveUserId: string;
  inactiveToken: string;
}

export interface World {
  a: TeamWorld;
  b: TeamWorld;
}

export type RecordKind = 'account' | 'contact' | 'interaction' | 'commitment' | 'user';

function expectStatus<T>(res: Answer<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`world setup: ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function makeTeamWorld(db: Db, app: Hono<AppEnv>, name: string, domain: string): Promise<TeamWorld> {
  const base = await makeTeam(db, name, domain);
  const api = client(app, base.token);
  const otherDomain = `${name}-second.example`;
  const second = expectStatus(
    await api.post<ContactCreated>('/v1/contacts', {
      name: `${name} second buyer`, emails: [`second@${otherDomain}`], role: `${name} procurement`, phone: '+40 700 000 001',
      newAccount: { name: `${name} second client`, domains: [otherDomain] },
    }),
    201, 'the second account',
  );
  const call = expectStatus(
    await api.post<InteractionCreated>('/v1/interactions', {
      accountId: base.accountId, kind: 'call', direction: 'outbound', summary: `${name} call about the renewal`,
      contactIds: [base.contactId], amount: 4200, threadId: `${name}-thread`,
      commitments: [{ text: `${name} promise from the call`, dueDate: '2026-05-01', ownerId: base.colleagueId }],
    }),
    201, 'the interaction',
  );
  const commitment = expectStatus(
    await api.post<CommitmentResult>('/v1/commitments', {
      accountId: base.accountId, contactId: base.contactId, text: `${name} standalone promise`, dueDate: '2026-06-01',
      sourceInteractionId: call.interaction.id,
    }),
    201, 'the commitment',
  );
  const revokedToken = await createToken(db, base.userId);
  await db.query('update api_tokens set revoked_at = now() where token_hash = $1', [hashToken(revokedToken)]);
  const inactiveUserId = await createUser(db, { teamId: base.teamId, email: `former@${name}.example`, name: `${name} former` });
  const inactiveToken = await createToken(db, inactiveUserId);
  await db.query('update users set active = false where id = $1', [inactiveUserId]);
  const promise = call.commitments[0];
  if (!promise) throw new Error('world setup: the interaction made no commitment');
  return {
    ...base, name, otherAccountId: second.account.id, otherContactId: second.contact.id, otherDomain,
    interactionId: call.interaction.id, promiseId: promise.id, commitmentId: commitment.commitment.id,
    revokedToken, inactiveUserId, inactiveToken,
  };
}

/** Team A (`team-alpha`) and team B (`team-beta`), made through the API where the API can. */
export async function makeWorld(db: Db, app: Hono<AppEnv>): Promise<World> {
  const a = await makeTeamWorld(db, app, 'team-alpha', 'alpha-client.co.id');
  const b = await makeTeamWorld(db, app, 'team-beta', 'beta-client.ro');
  return { a, b };
}

/** Every record id of the database, what it is and whose; read back from the tables. */
export interface RecordIndex {
  /** Record id (lower case) → kind, team and (for contacts, interactions, commitments) account. */
  records: Map<string, { kind: RecordKind; teamId: string; accountId: string | null }>;
  /** Commitment, account and interaction id → its current version. */
  versions: Map<string, number>;
  /** Team id → the contact addresses and account domains taken in it. */
  emails: Map<string, Set<string>>;
  domains: Map<string, Set<string>>;
  /** `<team id> <address>` → the contact that has it; `<team id> <domain>` → the account. */
  holders: Map<string, string>;
}

export async function loadIndex(db: Db): Promise<RecordIndex> {
  const { rows } = await db.query<{ id: string; kind: RecordKind; team_id: string; account_id: string | null }>(
    `select id::text, 'account' as kind, team_id::text, id::text as account_id from accounts
     union all select id::text, 'contact', team_id::text, account_id::text from contacts
     union all select id::text, 'interaction', team_id::text, account_id::text from interactions
     union all select id::text, 'commitment', team_id::text, account_id::text from commitments
     union all select id::text, 'user', team_id::text, null::text from users`,
  );
  const records = new Map(rows.map((r) => [r.id.toLowerCase(), { kind: r.kind, teamId: r.team_id, accountId: r.account_id }]));
  const versions = new Map(
    (await db.query<{ id: string; version: number }>(
      'select id::text, version from commitments union all select id::text, version from accounts union all select id::text, version from interactions',
    )).rows.map((r) => [r.id, r.version]),
  );
  const byTeam = async (sql: string) => {
    const out = new Map<string, Set<string>>();
    for (const r of (await db.query<{ team_id: string; v: string }>(sql)).rows) {
      const set = out.get(r.team_id) ?? new Set<string>();
      set.add(r.v);
      out.set(r.team_id, set);
    }
    return out;
  };
  const holders = new Map(
    (await db.query<{ k: string; holder: string }>(
      `select team_id::text || ' ' || email as k, contact_id::text as holder from contact_emails
       union all select team_id::text || ' ' || domain, account_id::text from account_domains`,
    )).rows.map((r) => [r.k, r.holder]),
  );
  return {
    records,
    versions,
    holders,
    emails: await byTeam('select team_id::text, email as v from contact_emails'),
    domains: await byTeam('select team_id::text, domain as v from account_domains'),
  };
}

/** The team's records of one kind, in the order of their roles in TeamWorld (not of their random ids). */
export function recordsOf(team: TeamWorld, kind: RecordKind): string[] {
  switch (kind) {
    case 'account': return [team.accountId, team.otherAccountId];
    case 'contact': return [team.contactId, team.otherContactId];
    case 'interaction': return [team.interactionId];
    case 'commitment': return [team.commitmentId, team.promiseId];
    case 'user': return [team.userId, team.colleagueId, team.inactiveUserId];
  }
}

/**
 * Strings that identify a team's data: ids, names, addresses, domains, texts, and its tokens.
 * Strings the other team's data also holds, and short ones, are left out, so finding one in an
 * answer to the other team means that answer carries this team's data.
 */
export async function identifyingStrings(db: Db, team: TeamWorld, other: TeamWorld): Promise<string[]> {
  const strings = async (teamId: string) => {
    const { rows } = await db.query<{ s: string | null }>(
      `select id::text as s from teams where id = $1 union all select name from teams where id = $1
       union all select id::text from users where team_id = $1 union all select name from users where team_id = $1
       union all select email from users where team_id = $1
       union all select id::text from accounts where team_id = $1 union all select name from accounts where team_id = $1
       union all select domain from account_domains where team_id = $1
       union all select id::text from contacts where team_id = $1 union all select name from contacts where team_id = $1
       union all select role from contacts where team_id = $1 union all select phone from contacts where team_id = $1
       union all select email from contact_emails where team_id = $1
       union all select id::text from interactions where team_id = $1 union all select summary from interactions where team_id = $1
       union all select thread_id from interactions where team_id = $1
       union all select id::text from commitments where team_id = $1 union all select text from commitments where team_id = $1`,
      [teamId],
    );
    return new Set(rows.map((r) => r.s).filter((s): s is string => s !== null && s.length >= 6));
  };
  const theirs = await strings(other.teamId);
  const mine = [...(await strings(team.teamId))].filter((s) => !theirs.has(s));
  return [...mine, team.token, team.revokedToken, team.inactiveToken].sort();
}

/** What "nothing changed" compares: each team's export, the row counts, and every row itself. */
export interface Snapshot {
  exports: Record<string, Bundle>;
  rows: Record<string, number>;
  /** md5 of each table's rows as text, so an update in place shows even where the export omits the column. */
  digests: Record<string, string>;
}

const DIGESTED = [
  'teams', 'users', 'api_tokens', 'accounts', 'account_domains', 'account_members', 'contacts', 'contact_emails',
  'interactions', 'commitments', 'changes', 'idempotency_keys',
];

export async function snapshot(db: Db, teamIds: readonly string[]): Promise<Snapshot> {
  const exports: Record<string, Bundle> = {};
  for (const id of teamIds) exports[id] = await exportBundle(db, id);
  const digests: Record<string, string> = {};
  for (const table of DIGESTED) {
    const { rows } = await db.query<{ h: string | null }>(
      `select md5(string_agg(x::text, '|' order by x::text)) as h from ${table} x`,
    );
    digests[table] = rows[0]?.h ?? '';
  }
  return { exports, rows: await countRows(db), digests };
}

/**
 * md5 of every row that belongs to one team (its team, users, tokens, records, feed), and of every
 * row of any team that refers to one of its accounts, as text.
 */
export async function teamDigest(db: Db, teamId: string): Promise<Record<string, string>> {
  const onItsAccount = 'x.account_id in (select id from accounts where team_id = $1)';
  const scoped: Record<string, string> = {
    teams: 'select x::text as r from teams x where x.id = $1',
    users: 'select x::text as r from users x where x.team_id = $1',
    api_tokens: 'select x::text as r from api_tokens x join users u on u.id = x.user_id where u.team_id = $1',
    accounts: 'select x::text as r from accounts x where x.team_id = $1',
    account_members: 'select x::text as r from account_members x join accounts a on a.id = x.account_id where a.team_id = $1',
    account_domains: 'select x::text as r from account_domains x where x.team_id = $1',
    contacts: `select x::text as r from contacts x where x.team_id = $1 or ${onItsAccount}`,
    contact_emails: 'select x::text as r from contact_emails x join contacts c on c.id = x.contact_id where x.team_id = $1 or c.account_id in (select id from accounts where team_id = $1)',
    interactions: `select x::text as r from interactions x where x.team_id = $1 or ${onItsAccount}`,
    commitments: `select x::text as r from commitments x where x.team_id = $1 or ${onItsAccount}`,
    changes: `select x::text as r from changes x where x.team_id = $1 or ${onItsAccount}`,
    idempotency_keys: 'select x::text as r from idempotency_keys x join users u on u.id = x.user_id where u.team_id = $1',
  };
  const out: Record<string, string> = {};
  for (const [table, sql] of Object.entries(scoped)) {
    const { rows } = await db.query<{ h: string | null }>(`select md5(string_agg(r, '|' order by r)) as h from (${sql}) s`, [teamId]);
    out[table] = rows[0]?.h ?? '';
  }
  return out;
}
