import type { Queryable } from '../db';
import { idTaken, NotFoundError, ValidationError } from './errors';

/**
 * Checks of ids a request body refers to. A record of another team answers exactly like a missing
 * one (404 naming the field), so a body can never probe what other teams hold.
 */

export async function requireAccount(q: Queryable, teamId: string, id: string, field: string): Promise<void> {
  const { rows } = await q.query('select 1 from accounts where id = $1 and team_id = $2', [id, teamId]);
  if (rows.length === 0) throw new NotFoundError('account', field);
}

/** Users must be in the team; `fields[i]` names where `ids[i]` came from. */
export async function requireUsers(
  q: Queryable,
  teamId: string,
  refs: readonly { id: string; field: string }[],
): Promise<void> {
  if (refs.length === 0) return;
  const { rows } = await q.query<{ id: string }>('select id from users where team_id = $1 and id = any($2::uuid[])', [
    teamId, [...new Set(refs.map((r) => r.id))],
  ]);
  const found = new Set(rows.map((r) => r.id));
  const missing = refs.find((r) => !found.has(r.id));
  if (missing) throw new NotFoundError('user', missing.field);
}

/** Contacts must be people of this account (people of other accounts would skew its risk). */
export async function requireContacts(
  q: Queryable,
  teamId: string,
  accountId: string,
  refs: readonly { id: string; field: string }[],
): Promise<void> {
  if (refs.length === 0) return;
  const { rows } = await q.query<{ id: string; account_id: string }>(
    'select id, account_id from contacts where team_id = $1 and id = any($2::uuid[])',
    [teamId, [...new Set(refs.map((r) => r.id))]],
  );
  const accountOf = new Map(rows.map((r) => [r.id, r.account_id]));
  for (const { id, field } of refs) {
    const owner = accountOf.get(id);
    if (owner === undefined) throw new NotFoundError('contact', field);
    if (owner !== accountId) throw new ValidationError(field, `${field}: this contact belongs to another account`);
  }
}

export async function requireInteraction(
  q: Queryable,
  teamId: string,
  accountId: string,
  id: string,
  field: string,
): Promise<void> {
  const { rows } = await q.query<{ account_id: string }>(
    'select account_id from interactions where id = $1 and team_id = $2 and deleted_at is null',
    [id, teamId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundError('interaction', field);
  if (row.account_id !== accountId) throw new ValidationError(field, `${field}: this interaction belongs to another account`);
}

/** Tables whose rows a client may name itself (an optional `id` in the body). */
export type ClientIdTable = 'interactions' | 'commitments' | 'contacts';

/**
 * Why `insert … on conflict (id) do nothing` inserted nothing. Ids are unique across teams, so the
 * id is taken by the caller's team (409: a client retrying learns its record is there) or by
 * another team, which answers as a missing record would (404), never telling one team that
 * another holds that id. The insert waited for any writer of the same id to finish, so the row is
 * committed and this read sees it.
 */
export async function takenIdError(q: Queryable, table: ClientIdTable, teamId: string, id: string, what: string): Promise<Error> {
  const { rows } = await q.query<{ mine: boolean }>(`select team_id = $2 as mine from ${table} where id = $1`, [id, teamId]);
  return rows[0]?.mine ? idTaken() : new NotFoundError(what, 'body.id');
}
