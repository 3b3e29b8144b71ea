import type { Context } from 'hono';
import type { z } from 'zod';
import { IDEMPOTENCY_HEADER, IdempotencyKey } from '../../lib/api';
import type { Queryable } from '../db';
import { claimKey, requestHash, storeAnswer, type StoredAnswer } from '../store/idempotency';
import type { AppEnv, Deps } from './env';
import { validationError } from './errors';
import { check, parseJson } from './validate';

/** Reads and validates a JSON body. */
export async function readBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<{ body: z.output<S> }> {
  const body = check(schema, parseJson(await c.req.text()), 'body');
  rejectNul(body, 'body');
  return { body };
}

/** PostgreSQL text cannot hold U+0000; name the field instead of failing at the INSERT. */
function rejectNul(value: unknown, field: string): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw validationError(field, `${field}: contains a NUL character`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => rejectNul(v, `${field}.${i}`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) rejectNul(v, `${field}.${k}`);
  }
}

/**
 * Runs one write in one transaction. With an Idempotency-Key, the key is claimed first in that
 * same transaction and the answer stored with the write, so the write and its record commit or
 * vanish together: a retry after a crash replays, a retry after a rollback writes afresh.
 * The key is bound to the validated body (normalised, defaults filled, unknown fields dropped),
 * so two spellings of the same request are the same request.
 */
export async function runWrite(
  c: Context<AppEnv>,
  deps: Deps,
  body: unknown,
  status: 200 | 201,
  write: (tx: Queryable) => Promise<unknown>,
): Promise<Response> {
  const caller = c.get('caller');
  const header = c.req.header(IDEMPOTENCY_HEADER);
  const key = header === undefined ? undefined : check(IdempotencyKey, header, 'header.idempotency-key');
  const hash = requestHash(c.req.method, c.req.path, body);
  const { answer, replayed } = await deps.db.transaction(async (tx) => {
    if (key !== undefined) {
      const prior = await claimKey(tx, caller.userId, key, hash);
      if (prior) return { answer: prior, replayed: true };
    }
    const answer: StoredAnswer = { status, body: await write(tx) };
    if (key !== undefined) await storeAnswer(tx, caller.userId, key, answer);
    return { answer, replayed: false };
  });
  if (replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(answer.body as object, answer.status as 200 | 201);
}
