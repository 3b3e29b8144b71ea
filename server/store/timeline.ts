import type { InteractionKind, TimelinePage } from '../../lib/api';
import type { Queryable } from '../db';
import { validationError } from '../http/errors';
import { INTERACTION_SELECT, toInteraction, type InteractionRow } from './rows';

interface Position {
  occurredAt: string;
  id: string;
}

/** The cursor is the last item's (occurred_at, id), opaque to clients. */
export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.occurredAt, p.id]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Exactly what encodeCursor writes (Date#toISOString for years 1–9999). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function decodeCursor(cursor: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      if (typeof at === 'string' && INSTANT.test(at) && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && UUID.test(id)) {
        return { occurredAt: at, id };
      }
    }
  } catch {
    // fall through to the validation error below
  }
  throw validationError('query.cursor', 'query.cursor: not a cursor this server handed out');
}

/**
 * One page of an account's timeline, newest first. Keyset pagination on (occurred_at, id):
 * rows inserted while a client pages never shift the pages it has not read yet, so there are
 * no duplicates and no gaps (newer inserts simply appear on a fresh first page).
 */
export async function timelinePage(
  q: Queryable,
  teamId: string,
  accountId: string,
  opts: { cursor?: string; limit: number; kinds?: InteractionKind[] },
): Promise<TimelinePage> {
  const after = opts.cursor === undefined ? null : decodeCursor(opts.cursor);
  const { rows } = await q.query<InteractionRow>(
    `${INTERACTION_SELECT}
      where i.account_id = $1 and i.team_id = $2
        and ($3::timestamptz is null or (i.occurred_at, i.id) < ($3::timestamptz, $4::uuid))
        and ($5::text[] is null or i.kind = any($5::text[]))
      order by i.occurred_at desc, i.id desc
      limit $6`,
    [accountId, teamId, after?.occurredAt ?? null, after?.id ?? null, opts.kinds ?? null, opts.limit + 1],
  );
  const items = rows.slice(0, opts.limit).map(toInteraction);
  const last = items[items.length - 1];
  const nextCursor = rows.length > opts.limit && last ? encodeCursor({ occurredAt: last.occurredAt, id: last.id }) : null;
  return { items, nextCursor };
}
