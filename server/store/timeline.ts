import type { InteractionKind, TimelinePage } from '../../lib/api';
import type { Queryable } from '../db';
import { ValidationError } from './errors';
import { INTERACTION_COLUMNS, toInteraction, type InteractionRow } from './rows';
import { CALLER_CTE } from './users';

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
  throw new ValidationError('query.cursor', 'query.cursor: not a cursor this server handed out');
}

export interface TimelineOptions {
  cursor?: string;
  limit: number;
  kinds?: InteractionKind[];
}

/** A timeline read: whether the token has an active user, whether the account is theirs, the page. */
export type TimelineAnswer = { caller: false } | { caller: true; found: false } | { caller: true; found: true; page: TimelinePage };

type TimelineRow = { team_id: string; found: string | null } & { [K in keyof InteractionRow]: InteractionRow[K] | null };

/**
 * The caller, the account and one page of its timeline in one statement. Keyset pagination on
 * (occurred_at, id), newest first: rows inserted while a client pages never shift the pages it
 * has not read yet, so there are no duplicates and no gaps (newer inserts simply appear on a
 * fresh first page). A page after a cursor is its own statement, so that the cursor is a bound of
 * the index scan (interactions_live_facts_idx; deleted interactions are not in it) rather than a filter over the newer rows.
 */
export async function timelineForToken(
  q: Queryable,
  tokenHash: string,
  accountId: string,
  opts: TimelineOptions,
): Promise<TimelineAnswer> {
  const after = opts.cursor === undefined ? null : decodeCursor(opts.cursor);
  const params: unknown[] = [tokenHash, accountId, opts.kinds ?? null, opts.limit + 1];
  if (after) params.push(after.occurredAt, after.id);
  const { rows } = await q.query<TimelineRow>(
    `with ${CALLER_CTE}
     select k.team_id, a.id as found, p.*
       from caller k
       left join accounts a on a.id = $2 and a.team_id = k.team_id
       left join lateral (
         select ${INTERACTION_COLUMNS}
           from interactions i left join users u on u.id = i.author_id
          where i.account_id = a.id and i.team_id = k.team_id and i.deleted_at is null
            and ($3::text[] is null or i.kind = any($3::text[]))
            ${after ? 'and (i.occurred_at, i.id) < ($5::timestamptz, $6::uuid)' : ''}
          order by i.occurred_at desc, i.id desc
          limit $4
       ) p on true`,
    params,
    after ? 'crm_timeline_after' : 'crm_timeline_first',
  );
  const first = rows[0];
  if (!first) return { caller: false };
  if (first.found === null) return { caller: true, found: false };
  const found = rows.filter((r) => r.id !== null) as InteractionRow[];
  const items = found.slice(0, opts.limit).map(toInteraction);
  const last = items[items.length - 1];
  const nextCursor = found.length > opts.limit && last ? encodeCursor({ occurredAt: last.occurredAt, id: last.id }) : null;
  return { caller: true, found: true, page: { items, nextCursor } };
}
