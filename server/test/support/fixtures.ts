import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../db';
import { createToken, createUser, ensureTeam } from '../../store/users';

export interface TeamFixture {
  teamId: string;
  userId: string;
  token: string;
  /** A second user of the same team. */
  colleagueId: string;
  accountId: string;
  contactId: string;
  /** The contact's address and the account's domain. */
  email: string;
  domain: string;
}

export async function insertAccount(
  q: Queryable,
  teamId: string,
  fields: { name: string; ownerId?: string | null; domains?: string[]; cadenceDays?: number | null; id?: string },
): Promise<string> {
  const id = fields.id ?? randomUUID();
  await q.query('insert into accounts (id, team_id, name, owner_id, cadence_days) values ($1, $2, $3, $4, $5)', [
    id, teamId, fields.name, fields.ownerId ?? null, fields.cadenceDays ?? null,
  ]);
  for (const d of fields.domains ?? []) {
    await q.query('insert into account_domains (team_id, domain, account_id) values ($1, $2, $3)', [teamId, d, id]);
  }
  return id;
}

export async function insertContact(
  q: Queryable,
  teamId: string,
  accountId: string,
  name: string,
  emails: string[],
): Promise<string> {
  const id = randomUUID();
  await q.query('insert into contacts (id, team_id, account_id, name) values ($1, $2, $3, $4)', [id, teamId, accountId, name]);
  for (const [i, e] of emails.entries()) {
    await q.query('insert into contact_emails (team_id, email, contact_id, position) values ($1, $2, $3, $4)', [
      teamId, e, id, i,
    ]);
  }
  return id;
}

/** One team with two users, one account (with a domain) and one contact. */
export async function makeTeam(db: Db, name: string, domain: string): Promise<TeamFixture> {
  const { id: teamId } = await ensureTeam(db, name);
  const userId = await createUser(db, { teamId, email: `owner@${name}.example`, name: `${name} owner` });
  const colleagueId = await createUser(db, { teamId, email: `colleague@${name}.example`, name: `${name} colleague` });
  const token = await createToken(db, userId);
  const accountId = await insertAccount(db, teamId, { name: `${name} client`, ownerId: userId, domains: [domain] });
  const email = `buyer@${domain}`;
  const contactId = await insertContact(db, teamId, accountId, 'Buyer', [email]);
  return { teamId, userId, token, colleagueId, accountId, contactId, email, domain };
}

/** Row counts of every data table: "nothing was written" is these staying equal. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const tables = ['accounts', 'account_domains', 'contacts', 'contact_emails', 'interactions', 'commitments', 'changes', 'idempotency_keys'];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${t}`);
    out[t] = rows[0]?.n ?? -1;
  }
  return out;
}
