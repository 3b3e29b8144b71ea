import type { Context } from 'hono';
import type { z } from 'zod';
import { IDEMPOTENCY_HEADER, IdempotencyKey } from '../../lib/api';
import type { Queryable } from '../db';
import { claimKey, requestHash, storeAnswer, type StoredAnswer } from '../store/idempotency';
import type { AppEnv, Deps } from './env';
import { check, parseJson } from './validate';

/** Reads and validates a JSON body; returns the raw value too (it is what a key is bound to). */
export async function readBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S) {
  const raw = parseJson(await c.req.text());
  return { raw, body: check(schema, raw, 'body') };
}

/**
 * Runs one write in one transaction. With an Idempotency-Key, the key is claimed first in that
 * same transaction and the answer stored with the write, so the write and its record commit or
 * vanish together: a retry after a crash replays, a retry after a rollback writes afresh.
 */
export async function runWrite(
  c: Context<AppEnv>,
  deps: Deps,
  raw: unknown,
  status: 200 | 201,
  write: (tx: Queryable) => Promise<unknown>,
): Promise<Response> {
  const caller = c.get('caller');
  const header = c.req.header(IDEMPOTENCY_HEADER);
  const key = header === undefined ? undefined : check(IdempotencyKey, header, 'header.idempotency-key');
  const hash = requestHash(c.req.method, c.req.path, raw);
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
