import type { Queryable } from '../db';

/**
 * Tokens as the command line lists and revokes them. Nothing here reads or returns a token's
 * hash: a token is named by its row id, which gives no way to authenticate.
 */

export interface TokenInfo {
  id: string;
  userId: string;
  email: string;
  teamName: string;
  label: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  userActive: boolean;
}

interface TokenDbRow {
  id: string;
  user_id: string;
  email: string;
  team_name: string;
  label: string | null;
  created_at: Date;
  revoked_at: Date | null;
  active: boolean;
}

const SELECT_TOKENS = `select k.id::text as id, k.user_id, u.email, t.name as team_name, k.label, k.created_at, k.revoked_at, u.active
    from api_tokens k
    join users u on u.id = k.user_id
    join teams t on t.id = u.team_id`;

const ORDER = 'order by t.name, u.email, k.created_at, k.id';

const toInfo = (r: TokenDbRow): TokenInfo => ({
  id: r.id, userId: r.user_id, email: r.email, teamName: r.team_name, label: r.label,
  createdAt: r.created_at, revokedAt: r.revoked_at, userActive: r.active,
});

/** The tokens of the users with an address, of a team, or all of them, revoked ones included. */
export async function listTokens(q: Queryable, filter: { email?: string | undefined; teamId?: string | undefined } = {}): Promise<TokenInfo[]> {
  const { rows } = await q.query<TokenDbRow>(
    `${SELECT_TOKENS}
      where ($1::text is null or u.email = lower(btrim($1))) and ($2::uuid is null or u.team_id = $2)
      ${ORDER}`,
    [filter.email ?? null, filter.teamId ?? null],
  );
  return rows.map(toInfo);
}

/** The tokens whose id starts with `prefix` (compared as text, so no pattern characters apply). */
export async function tokensByIdPrefix(q: Queryable, prefix: string): Promise<TokenInfo[]> {
  const { rows } = await q.query<TokenDbRow>(
    `${SELECT_TOKENS} where left(k.id::text, length($1)) = $1 ${ORDER}`,
    [prefix.toLowerCase()],
  );
  return rows.map(toInfo);
}

/**
 * Revokes one token. Every request resolves its token afresh (`CALLER_CTE`, no cache), so the
 * next request with it is refused. Returns false when it was already revoked.
 */
export async function revokeToken(q: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await q.query('update api_tokens set revoked_at = now() where id = $1 and revoked_at is null', [id]);
  return rowCount > 0;
}

/** Revokes every token of a user that is not revoked yet; returns how many that was. */
export async function revokeUserTokens(q: Queryable, userId: string): Promise<number> {
  const { rowCount } = await q.query('update api_tokens set revoked_at = now() where user_id = $1 and revoked_at is null', [userId]);
  return rowCount;
}

/** How many characters of an id the lists show at least. */
export const PUBLIC_ID_LENGTH = 8;

/**
 * Short public ids for all tokens: the first 8 characters of the row id, longer for the rare
 * ids that share those 8 with another, so every id shown is a unique prefix.
 */
export function shortIds(ids: readonly string[], min = PUBLIC_ID_LENGTH): Map<string, string> {
  const sorted = [...new Set(ids)].sort();
  const common = (a: string | undefined, b: string | undefined) => {
    if (a === undefined || b === undefined) return 0;
    let n = 0;
    while (n < a.length && a[n] === b[n]) n++;
    return n;
  };
  const out = new Map<string, string>();
  sorted.forEach((id, i) => {
    const shared = Math.max(common(id, sorted[i - 1]), common(id, sorted[i + 1]));
    out.set(id, id.slice(0, Math.max(min, shared + 1)));
  });
  return out;
}

/** Public ids over every token in the database, so that any of them shown is a unique prefix. */
export async function publicIds(q: Queryable): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string }>('select id::text as id from api_tokens');
  return shortIds(rows.map((r) => r.id));
}
