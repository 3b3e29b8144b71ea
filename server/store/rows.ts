import { Preferences } from '../../lib/api';
import type { Account, Commitment, Contact, Interaction, UserRef } from '../../lib/api';

/** SQL fragments and row mappers shared by the stores, so each entity is read one way. */

export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());

function ref(id: string | null, name: string | null, email: string | null): UserRef | null {
  return id === null ? null : { id, name: name ?? '', email: email ?? '' };
}

/**
 * A user who edited a record, as a JSON UserRef (null for none). A subquery rather than a join:
 * most rows were never edited, and the statements that read them join their other users already.
 */
const userJson = (column: string) =>
  `(select json_build_object('id', x.id, 'name', x.name, 'email', x.email) from users x where x.id = ${column})`;

export const ACCOUNT_SELECT = `
  select a.id, a.name, a.stage, a.cadence_days, a.preferences, a.special_terms, a.created_at, a.updated_at,
         a.version, ${userJson('a.updated_by')} as updated_by,
         o.id as owner_id, o.name as owner_name, o.email as owner_email,
         coalesce((select array_agg(d.domain order by d.domain) from account_domains d
                    where d.account_id = a.id), '{}') as domains,
         coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name, 'email', u.email) order by u.name)
                     from account_members m join users u on u.id = m.user_id
                    where m.account_id = a.id), '[]') as members
    from accounts a left join users o on o.id = a.owner_id`;

export interface AccountRow {
  id: string;
  name: string;
  stage: Account['stage'];
  cadence_days: number | null;
  preferences: unknown;
  special_terms: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  updated_by: UserRef | null;
  owner_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  domains: string[];
  members: UserRef[];
}

export function toAccount(r: AccountRow): Account {
  const prefs = Preferences.safeParse(r.preferences ?? {});
  return {
    id: r.id,
    name: r.name,
    domains: r.domains,
    stage: r.stage,
    owner: ref(r.owner_id, r.owner_name, r.owner_email),
    team: r.members,
    cadenceDays: r.cadence_days,
    preferences: prefs.success ? prefs.data : {},
    specialTerms: r.special_terms,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    updatedBy: r.updated_by,
    version: r.version,
  };
}

export const CONTACT_SELECT = `
  select c.id, c.account_id, c.name, c.role, c.phone, c.created_at, c.updated_at,
         coalesce((select array_agg(e.email order by e.position, e.email) from contact_emails e
                    where e.contact_id = c.id), '{}') as emails
    from contacts c`;

export interface ContactRow {
  id: string;
  account_id: string;
  name: string;
  role: string | null;
  phone: string | null;
  created_at: Date;
  updated_at: Date;
  emails: string[];
}

export function toContact(r: ContactRow): Contact {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    emails: r.emails,
    role: r.role,
    phone: r.phone,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** An instant as `Date#toISOString` writes it (`2026-11-23T10:00:00.000Z`), formatted by the database. */
export const isoText = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Interaction columns (of `interactions i left join users u on u.id = i.author_id`) as the API
 * shows them: instants already as ISO text and contact ids as JSON, which saves parsing dates
 * and array literals only to write them out again (a timeline page has 20 rows).
 */
export const INTERACTION_COLUMNS = `i.id, i.account_id, i.kind, i.direction, ${isoText('i.occurred_at')} as occurred_at, i.summary,
         to_json(i.contact_ids) as contact_ids, i.amount, i.thread_id, ${isoText('i.created_at')} as created_at,
         ${isoText('coalesce(i.updated_at, i.created_at)')} as updated_at, ${userJson('i.updated_by')} as updated_by, i.version,
         u.id as author_id, u.name as author_name, u.email as author_email`;

export interface InteractionRow {
  id: string;
  account_id: string;
  kind: Interaction['kind'];
  direction: Interaction['direction'];
  occurred_at: string;
  summary: string;
  contact_ids: string[];
  amount: number | null;
  thread_id: string | null;
  created_at: string;
  updated_at: string;
  updated_by: UserRef | null;
  version: number;
  author_id: string | null;
  author_name: string | null;
  author_email: string | null;
}

export function toInteraction(r: InteractionRow): Interaction {
  return {
    id: r.id,
    accountId: r.account_id,
    kind: r.kind,
    direction: r.direction,
    occurredAt: r.occurred_at,
    summary: r.summary,
    author: ref(r.author_id, r.author_name, r.author_email),
    contactIds: r.contact_ids,
    amount: r.amount,
    threadId: r.thread_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    version: r.version,
  };
}

export const COMMITMENT_SELECT = `
  select c.id, c.account_id, c.contact_id, c.text, c.due_date, c.status, c.created_at, c.completed_at,
         c.source_interaction_id, c.version, u.id as owner_id, u.name as owner_name, u.email as owner_email
    from commitments c left join users u on u.id = c.owner_id`;

export interface CommitmentRow {
  id: string;
  account_id: string;
  contact_id: string | null;
  text: string;
  due_date: string | null;
  status: Commitment['status'];
  created_at: Date;
  completed_at: Date | null;
  source_interaction_id: string | null;
  version: number;
  owner_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
}

export function toCommitment(r: CommitmentRow): Commitment {
  return {
    id: r.id,
    accountId: r.account_id,
    contactId: r.contact_id,
    owner: ref(r.owner_id, r.owner_name, r.owner_email),
    text: r.text,
    dueDate: r.due_date,
    status: r.status,
    createdAt: iso(r.created_at),
    completedAt: isoOrNull(r.completed_at),
    sourceInteractionId: r.source_interaction_id,
    version: r.version,
  };
}
