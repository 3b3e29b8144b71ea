import type { CommitmentStatus, Direction, InteractionKind, Preferences, Stage } from '../../lib/api';
import type { Queryable } from '../db';

interface UserRow { id: string; email: string; name: string; active: boolean }
interface AccountRow {
  id: string; name: string; stage: Stage; owner_id: string | null; cadence_days: number | null;
  preferences: Preferences; special_terms: string | null;
}
interface ContactRow { id: string; account_id: string; name: string; role: string | null; phone: string | null }
interface InteractionRow {
  id: string; account_id: string; kind: InteractionKind; direction: Direction; occurred_at: Date; summary: string;
  author_id: string | null; contact_ids: string[]; amount: number | null; thread_id: string | null;
}
interface CommitmentRow {
  account_id: string; contact_id: string | null; owner_id: string | null; text: string; due_date: string | null;
  status: CommitmentStatus; created_at: Date; completed_at: Date | null; source_interaction_id: string | null;
}

/** Every row of one team that an export writes out. */
export interface TeamRows {
  riskSettings: unknown;
  users: UserRow[];
  userEmails: Map<string, string>;
  accounts: AccountRow[];
  domains: Map<string, string[]>;
  members: Map<string, string[]>;
  contacts: ContactRow[];
  /** Each contact's addresses, in their stored order. */
  contactEmails: Map<string, string[]>;
  interactions: InteractionRow[];
  commitments: CommitmentRow[];
}

function group<R>(rows: readonly R[], key: (r: R) => string, value: (r: R) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(value(r));
    else out.set(key(r), [value(r)]);
  }
  return out;
}

/** Reads a team's rows; call inside one transaction so they are a consistent snapshot. */
export async function readTeam(q: Queryable, teamId: string): Promise<TeamRows> {
  const team = await q.query<{ risk_settings: unknown }>('select risk_settings from teams where id = $1', [teamId]);
  if (!team.rows[0]) throw new Error(`there is no team with id ${teamId}`);
  const p = [teamId];
  const users = await q.query<UserRow>('select id, email, name, active from users where team_id = $1', p);
  const accounts = await q.query<AccountRow>(
    'select id, name, stage, owner_id, cadence_days, preferences, special_terms from accounts where team_id = $1', p);
  const domains = await q.query<{ account_id: string; domain: string }>(
    'select account_id, domain from account_domains where team_id = $1 order by domain', p);
  const members = await q.query<{ account_id: string; user_id: string }>(
    'select m.account_id, m.user_id from account_members m join accounts a on a.id = m.account_id where a.team_id = $1', p);
  const contacts = await q.query<ContactRow>('select id, account_id, name, role, phone from contacts where team_id = $1', p);
  const emails = await q.query<{ contact_id: string; email: string }>(
    'select contact_id, email from contact_emails where team_id = $1 order by contact_id, position, email', p);
  const interactions = await q.query<InteractionRow>(
    `select id, account_id, kind, direction, occurred_at, summary, author_id, contact_ids, amount, thread_id
       from interactions where team_id = $1 and deleted_at is null`, p);
  const commitments = await q.query<CommitmentRow>(
    `select account_id, contact_id, owner_id, text, due_date, status, created_at, completed_at, source_interaction_id
       from commitments where team_id = $1`, p);
  return {
    riskSettings: team.rows[0].risk_settings,
    users: users.rows,
    userEmails: new Map(users.rows.map((u) => [u.id, u.email])),
    accounts: accounts.rows,
    domains: group(domains.rows, (r) => r.account_id, (r) => r.domain),
    members: group(members.rows, (r) => r.account_id, (r) => r.user_id),
    contacts: contacts.rows,
    contactEmails: group(emails.rows, (r) => r.contact_id, (r) => r.email),
    interactions: interactions.rows,
    commitments: commitments.rows,
  };
}
