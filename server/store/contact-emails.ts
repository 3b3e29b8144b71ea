import type { Contact } from '../../lib/api';
import type { Queryable } from '../db';
import { recordChanges } from './changes';
import { ConflictError, NotFoundError } from './errors';
import { CONTACT_SELECT, toContact, type ContactRow } from './rows';
import type { Caller } from './users';

async function loadContact(q: Queryable, teamId: string, id: string): Promise<Contact | null> {
  const { rows } = await q.query<ContactRow>(`${CONTACT_SELECT} where c.id = $1 and c.team_id = $2`, [id, teamId]);
  return rows[0] ? toContact(rows[0]) : null;
}

/**
 * Adds addresses to an existing contact, after the ones it has, in the caller's transaction. An
 * address the contact already has is left as it is; one that another contact of the team has is
 * a 409 naming it (addresses are unique per team: a lookup has one answer). The insert waits for
 * a concurrent writer of the same address, so a race ends in the same 409.
 */
export async function addContactEmails(
  tx: Queryable,
  caller: Caller,
  contactId: string,
  emails: readonly string[],
  now: Date,
): Promise<Contact> {
  const updated = await tx.query<{ account_id: string }>(
    'update contacts set updated_at = $3 where id = $1 and team_id = $2 returning account_id',
    [contactId, caller.teamId, now],
  );
  const accountId = updated.rows[0]?.account_id;
  if (accountId === undefined) throw new NotFoundError('contact', 'path.id');
  const unique = [...new Set(emails)];
  await tx.query(
    `insert into contact_emails (team_id, email, contact_id, position)
     select $1, e, $2, (select coalesce(max(position), -1) from contact_emails where contact_id = $2) + p
       from unnest($3::text[]) with ordinality as x(e, p)
     on conflict (team_id, email) do nothing`,
    [caller.teamId, contactId, unique],
  );
  const { rows } = await tx.query<{ email: string }>(
    'select email from contact_emails where team_id = $1 and email = any($2::text[]) and contact_id <> $3',
    [caller.teamId, unique, contactId],
  );
  const taken = new Set(rows.map((r) => r.email));
  const i = emails.findIndex((e) => taken.has(e));
  if (i >= 0) throw new ConflictError(`${emails[i]} already belongs to another contact`, `body.emails.${i}`);
  await recordChanges(tx, caller.teamId, [{ type: 'contact', id: contactId, accountId }]);
  const contact = await loadContact(tx, caller.teamId, contactId);
  if (!contact) throw new Error('contact vanished inside its own transaction');
  return contact;
}
