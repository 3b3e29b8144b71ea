import { ATTENTION_WINDOW_DAYS, type AttentionPage, type AttentionQuery } from '../../lib/api';
import type { Queryable } from '../db';
import {
  decodeAttentionCursor, encodeAttentionCursor, type AttentionPosition,
} from './attention-cursor';
import { commitmentRows, rhythmRows, riskRows, type Scope, type SectionRows } from './attention-sections';
import { computeAndStore, type StaleSummary, type TeamSettings } from './summary-cache';
import type { Caller } from './users';

const DAY_MS = 86_400_000;

/**
 * `GET /v1/attention`: who needs the caller today, from the stored summaries (migration 006 keeps
 * what the sections filter and order by beside each summary) and the open commitments, each
 * section one indexed keyset query.
 *
 * Only summaries that are not current (a write made them stale, time moved them on, the settings
 * changed) are computed first, as a lookup does; the refresher keeps them few, so a steady answer
 * computes none. A summary a concurrent statement holds locked is left to it, and its account is
 * missing from this one answer.
 */
export async function loadAttention(
  q: Queryable,
  caller: Caller,
  query: AttentionQuery,
  now: Date,
): Promise<AttentionPage> {
  const position = query.cursor === undefined ? null : decodeAttentionCursor(caller.userId, query.owner, query.cursor);
  const scope: Scope = { teamId: caller.teamId, ownerId: query.owner === 'me' ? caller.userId : null };
  await refreshStale(q, scope, { settings: caller.settings, key: caller.settingsKey }, now);

  const page = <T, P extends AttentionPosition>(section: P['section'], rows: SectionRows<T, P>) => {
    const more = rows.items.length > query.limit;
    const last = rows.positions[query.limit - 1];
    return {
      items: rows.items.slice(0, query.limit),
      nextCursor: more && last
        ? encodeAttentionCursor(caller.userId, query.owner, { section, key: last } as P)
        : null,
    };
  };
  const fetch = query.limit + 1;
  const windowEnd = new Date(now.getTime() + ATTENTION_WINDOW_DAYS * DAY_MS);
  const asOf = now.toISOString();
  if (position === null) {
    const [risk, commitments, rhythm] = await Promise.all([
      riskRows(q, scope, null, fetch),
      commitmentRows(q, scope, now, null, fetch),
      rhythmRows(q, scope, windowEnd, null, fetch),
    ]);
    return {
      asOf,
      atRisk: page('atRisk', risk),
      commitments: page('commitments', commitments),
      rhythm: page('rhythm', rhythm),
    };
  }
  switch (position.section) {
    case 'atRisk':
      return { asOf, atRisk: page('atRisk', await riskRows(q, scope, position.key, fetch)) };
    case 'commitments':
      return { asOf, commitments: page('commitments', await commitmentRows(q, scope, now, position.key, fetch)) };
    case 'rhythm':
      return { asOf, rhythm: page('rhythm', await rhythmRows(q, scope, windowEnd, position.key, fetch)) };
  }
}

/** Computes and stores the summaries of the scope's accounts that are not current. */
async function refreshStale(q: Queryable, scope: Scope, team: TeamSettings, now: Date): Promise<void> {
  const owner = scope.ownerId === null ? '' : 'and a.owner_id = $4';
  const { rows } = await q.query<StaleSummary>(
    `select a.id, s.gen::text as gen
       from accounts a left join account_summaries s on s.account_id = a.id
      where a.team_id = $1 ${owner}
        and (s.summary is null or s.settings_key is distinct from $2 or s.computed_at > $3 or s.valid_until <= $3)`,
    scope.ownerId === null ? [scope.teamId, team.key, now] : [scope.teamId, team.key, now, scope.ownerId],
  );
  if (rows.length > 0) await computeAndStore(q, scope.teamId, rows, team, now);
}
