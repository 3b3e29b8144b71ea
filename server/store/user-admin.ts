import type { Queryable } from '../db';

/** Users as the command line finds, lists and (de)activates them. */

export interface UserRow {
  id: string;
  email: string;
  name: string;
  teamId: string;
  teamName: string;
  active: boolean;
}

/** The outcome of naming a user by address (and team): the CLI turns each into its message. */
export type UserMatch =
  | { kind: 'found'; user: UserRow }
  | { kind: 'no-such-team' }
  | { kind: 'none' }
  | { kind: 'several'; teams: string[] };

interface UserDbRow {
  id: string;
  email: string;
  name: string;
  team_id: string;
  team_name: string;
  active: boolean;
}

const toUser = (r: UserDbRow): UserRow => ({
  id: r.id, email: r.email, name: r.name, teamId: r.team_id, teamName: r.team_name, active: r.active,
});

/** A team's id by name, or null. */
export async function findTeamId(q: Queryable, name: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>('select id from teams where name = $1', [name]);
  return rows[0]?.id ?? null;
}

/**
 * The user with this address, in the named team or, without one, in whichever team has it. An
 * address may belong to users of several teams; then the team must be named.
 */
export async function findUserByEmail(q: Queryable, email: string, teamName?: string): Promise<UserMatch> {
  const { rows } = await q.query<UserDbRow>(
    `select u.id, u.email, u.name, u.active, t.id as team_id, t.name as team_name
       from users u join teams t on t.id = u.team_id
      where u.email = lower(btrim($1)) and ($2::text is null or t.name = $2)
      order by t.name`,
    [email, teamName ?? null],
  );
  const [first, ...others] = rows;
  if (first && others.length === 0) return { kind: 'found', user: toUser(first) };
  if (first) return { kind: 'several', teams: rows.map((r) => r.team_name) };
  if (teamName !== undefined && (await findTeamId(q, teamName)) === null) return { kind: 'no-such-team' };
  return { kind: 'none' };
}

export interface UserListRow {
  email: string;
  name: string;
  teamName: string;
  active: boolean;
  /** Tokens not revoked; they work while the user is active. */
  liveTokens: number;
}

/** Every user, or a team's, ordered by team and address. */
export async function listUsers(q: Queryable, teamId?: string): Promise<UserListRow[]> {
  const { rows } = await q.query<{ email: string; name: string; team_name: string; active: boolean; live_tokens: number }>(
    `select u.email, u.name, t.name as team_name, u.active,
            (select count(*)::int from api_tokens k where k.user_id = u.id and k.revoked_at is null) as live_tokens
       from users u join teams t on t.id = u.team_id
      where $1::uuid is null or u.team_id = $1
      order by t.name, u.email`,
    [teamId ?? null],
  );
  return rows.map((r) => ({ email: r.email, name: r.name, teamName: r.team_name, active: r.active, liveTokens: r.live_tokens }));
}

/**
 * Sets a user's active flag. Requests are authenticated against the flag on every request
 * (`CALLER_CTE`), so the change applies to the very next one; notes, accounts and commitments
 * stay as they are. Returns whether the flag changed and how many unrevoked tokens the user has.
 */
export async function setUserActive(q: Queryable, userId: string, active: boolean): Promise<{ changed: boolean; liveTokens: number }> {
  const { rowCount } = await q.query('update users set active = $2 where id = $1 and active <> $2', [userId, active]);
  const { rows } = await q.query<{ n: number }>(
    'select count(*)::int as n from api_tokens where user_id = $1 and revoked_at is null',
    [userId],
  );
  return { changed: rowCount > 0, liveTokens: rows[0]?.n ?? 0 };
}
