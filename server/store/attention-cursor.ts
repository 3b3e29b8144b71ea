import { createHash } from 'node:crypto';
import { ValidationError } from './errors';

/** The sections of `GET /v1/attention`, each paged on its own. */
export type AttentionSection = 'atRisk' | 'commitments' | 'rhythm';
export type AttentionOwner = 'me' | 'team';

/**
 * Where a section's page ended, as the keyset of its order:
 * atRisk `[risk_rank, last_contact_at, account_id]`, commitments `[due_date, id]`,
 * rhythm `[rhythm_due_at, account_id]`. Instants are ISO text or `-infinity`.
 */
export type AttentionPosition =
  | { section: 'atRisk'; key: [number, string, string] }
  | { section: 'commitments'; key: [string, string] }
  | { section: 'rhythm'; key: [string, string] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^(-infinity|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A check of the rest of the cursor and of who it was handed to. It is no secret: it turns a
 * cursor that was cut, edited or made up, or sent by another user, into a 400 instead of a page
 * from somewhere else. A forged one could only move the caller within their own team's rows.
 */
const checksum = (userId: string, body: string) =>
  createHash('sha256').update(`${userId}\n${body}`).digest('base64url').slice(0, 16);

export function encodeAttentionCursor(userId: string, owner: AttentionOwner, p: AttentionPosition): string {
  const body = JSON.stringify([p.section, owner, ...p.key]);
  return Buffer.from(JSON.stringify([body, checksum(userId, body)]), 'utf8').toString('base64url');
}

const refuse = (why: string) => new ValidationError('query.cursor', `query.cursor: ${why}`);

/** The position a cursor names, or a ValidationError on `query.cursor`. */
export function decodeAttentionCursor(userId: string, owner: AttentionOwner, cursor: string): AttentionPosition {
  let parts: unknown[] = [];
  try {
    const outer: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(outer) && outer.length === 2 && typeof outer[0] === 'string' && outer[1] === checksum(userId, outer[0])) {
      const inner: unknown = JSON.parse(outer[0]);
      if (Array.isArray(inner)) parts = inner;
    }
  } catch {
    // refused below
  }
  const [section, sentFor, ...key] = parts;
  if (parts.length === 0) throw refuse('not a cursor this server handed out to this user');
  if (sentFor !== owner) throw refuse(`handed out for owner=${String(sentFor)}; send it with that owner`);
  const [a, b, c] = key;
  const instant = (v: unknown): v is string => typeof v === 'string' && INSTANT.test(v);
  const uuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
  if (section === 'atRisk' && key.length === 3 && Number.isInteger(a) && instant(b) && uuid(c)) {
    return { section, key: [a as number, b, c] };
  }
  if (section === 'commitments' && key.length === 2 && typeof a === 'string' && DAY.test(a) && uuid(b)) {
    return { section, key: [a, b] };
  }
  if (section === 'rhythm' && key.length === 2 && instant(a) && uuid(b)) return { section, key: [a, b] };
  throw refuse('not a cursor this server handed out');
}
