import type { Context } from 'hono';
import type { z } from 'zod';
import { IDEMPOTENCY_HEADER, IdempotencyKey } from '../../lib/api';
import type { Queryable } from '../db';
import { claimKey, requestHash, storeAnswer, type StoredAnswer } from '../store/idempotency';
import type { AppEnv, Deps } from './env';
import { incompleteBody, validationError } from './errors';
import { bodyCutOff } from './node-request';
import { check, parseJson } from './validate';

/** Reads and validates a JSON body. */
export async function readBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<{ body: z.output<S> }> {
  const body = check(schema, parseJson(await bodyText(c)), 'body');
  rejectUnstorableText(body, 'body');
  return { body };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text. Bytes that are not UTF-8 are refused rather than replaced with U+FFFD (what
 * `c.req.text()` does), which would store something other than what was sent. A body the client
 * stopped sending (it closed the connection, or sent less than its Content-Length) is its fault:
 * a 400, answered if the socket still takes it, and not logged as a server failure.
 */
async function bodyText(c: Context<AppEnv>): Promise<string> {
  let bytes: ArrayBuffer;
  try {
    bytes = await c.req.arrayBuffer();
  } catch (err) {
    throw bodyCutOff(c) ? incompleteBody() : err;
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    throw validationError('body', 'the body is not valid UTF-8');
  }
}

/**
 * Text PostgreSQL would not store as sent, found in one walk of the validated body (keys too, for
 * JSON columns): U+0000, which text cannot hold (the INSERT would fail), and a lone UTF-16
 * surrogate (JSON "\ud800"), which the drivers store as U+FFFD, so the answer, the client's cache
 * and the database would disagree. Either is a 400 naming the field.
 */
export function rejectUnstorableText(value: unknown, field: string): void {
  if (typeof value === 'string') {
    const problem = unstorable(value);
    if (problem) throw validationError(field, `${field}: ${problem}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => rejectUnstorableText(v, `${field}.${i}`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const problem = unstorable(k);
      if (problem) throw validationError(field, `${field}: a key ${problem}`);
      rejectUnstorableText(v, `${field}.${k}`);
    }
  }
}

function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (!text.isWellFormed()) return 'contains a lone UTF-16 surrogate (half of a pair), which cannot be stored';
  return null;
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
