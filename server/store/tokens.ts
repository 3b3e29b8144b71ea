import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../db';

/** A new bearer token: 32 random bytes, base64url, with a prefix that makes it recognisable. */
export function newToken(): string {
  return `crm_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored as their sha256; a leaked database does not hand out working tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Issues a token for a user, with an optional label saying what it is for. The token is
 * returned once; only its hash is kept. `id` is the row's, the public handle for listing and
 * revoking it.
 */
export async function issueToken(q: Queryable, userId: string, label: string | null = null): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = newToken();
  await q.query('insert into api_tokens (id, user_id, token_hash, label) values ($1, $2, $3, $4)', [
    id, userId, hashToken(token), label,
  ]);
  return { id, token };
}
