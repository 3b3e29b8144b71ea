import { createHash } from 'node:crypto';
import type { Queryable } from '../db';
import { KeyReusedError } from './errors';

/** Keys are kept at least this long; older ones are purged. */
export const IDEMPOTENCY_RETENTION_DAYS = 7;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** JSON with object keys sorted, so the same body in another key order hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a key is bound to: the method, the path and the body. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonical(body)}`).digest('hex');
}

/**
 * Claims `key` for this request inside the write's transaction. Returns null when the claim is
 * new (go ahead and write), or the first answer when the key was used before with the same
 * request. A concurrent request with the same key blocks on the primary key until the first
 * transaction ends: on commit it sees the stored answer, on rollback its own claim goes through.
 */
export async function claimKey(
  tx: Queryable,
  userId: string,
  key: string,
  hash: string,
): Promise<StoredAnswer | null> {
  const claimed = await tx.query(
    `insert into idempotency_keys (user_id, key, request_hash) values ($1, $2, $3)
     on conflict (user_id, key) do nothing returning key`,
    [userId, key, hash],
  );
  if (claimed.rows.length > 0) return null;
  const { rows } = await tx.query<{ request_hash: string; status: number; response: unknown }>(
    'select request_hash, status, response from idempotency_keys where user_id = $1 and key = $2',
    [userId, key],
  );
  const prior = rows[0];
  if (!prior) throw new Error('idempotency key vanished between claim and read');
  if (prior.request_hash !== hash) {
    throw new KeyReusedError('header.idempotency-key');
  }
  return { status: prior.status, body: prior.response };
}

/** Stores the answer with the claim, in the same transaction as the write it describes. */
export async function storeAnswer(tx: Queryable, userId: string, key: string, answer: StoredAnswer): Promise<void> {
  await tx.query('update idempotency_keys set status = $3, response = $4::text::jsonb where user_id = $1 and key = $2', [
    userId, key, answer.status, JSON.stringify(answer.body),
  ]);
}

/** Deletes keys past the retention period; returns how many went. */
export async function purgeIdempotencyKeys(q: Queryable, now: Date, days = IDEMPOTENCY_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const res = await q.query('delete from idempotency_keys where created_at < $1', [cutoff]);
  return res.rowCount;
}
