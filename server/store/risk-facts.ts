import type { RiskSettings } from '../../lib/api';
import { factWindowDays } from '../../lib/risk';
import type { InteractionFact } from '../../lib/risk';
import type { Queryable } from '../db';

const DAY_MS = 86_400_000;

/** One interaction as the fact query packs it: [id, epoch ms, kind, direction, amount, contact ids]. */
type PackedFact = [string, number, InteractionFact['kind'], InteractionFact['direction'], number | null, string[]];

/**
 * The interactions of the fact window for many accounts, and any dated after `now` (their
 * summaries are left empty: they are not facts yet, only the moment they become ones counts).
 * The columns read here all live in interactions_live_facts_idx (migration 005: live rows only, as
 * read here), so this is an index-only scan; rows come packed
 * as one JSON array per account, which is cheaper to send and parse than a row per interaction.
 * Summaries are the one wide column, and only the competitor rule reads them, within its own
 * shorter window: they are fetched separately, and only when the team names competitors.
 */
export async function loadInteractionFacts(
  q: Queryable,
  teamId: string,
  accountIds: readonly string[],
  settings: RiskSettings,
  now: Date,
): Promise<Map<string, InteractionFact[]>> {
  const byAccount = new Map<string, InteractionFact[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return byAccount;
  const from = new Date(now.getTime() - factWindowDays(settings) * DAY_MS);
  // round, not floor: the column holds whole milliseconds, and an older server's float epoch
  // could otherwise land a hair below one.
  const [facts, summaries] = await Promise.all([
    q.query<{ account_id: string; facts: PackedFact[] }>(
      `select account_id,
              json_agg(json_build_array(id, round(extract(epoch from occurred_at) * 1000)::bigint,
                                        kind, direction, amount, contact_ids)) as facts
         from interactions
        where account_id = any($2::uuid[]) and team_id = $1 and occurred_at > $3 and deleted_at is null
        group by account_id`,
      [teamId, accountIds, from],
      'crm_interaction_facts',
    ),
    loadRecentSummaries(q, teamId, accountIds, settings, now),
  ]);
  for (const r of facts.rows) {
    byAccount.set(
      r.account_id,
      r.facts.map(([id, at, kind, direction, amount, contactIds]) => ({
        kind, direction, occurredAt: at, contactIds, amount, summary: summaries.get(id) ?? '',
      })),
    );
  }
  return byAccount;
}

async function loadRecentSummaries(
  q: Queryable,
  teamId: string,
  accountIds: readonly string[],
  settings: RiskSettings,
  now: Date,
): Promise<Map<string, string>> {
  if (settings.competitors.length === 0) return new Map();
  const from = new Date(now.getTime() - settings.competitorDays * DAY_MS);
  const { rows } = await q.query<{ id: string; summary: string }>(
    `select id, summary from interactions
      where account_id = any($2::uuid[]) and team_id = $1 and occurred_at > $3 and occurred_at <= $4
        and deleted_at is null`,
    [teamId, accountIds, from, now],
    'crm_recent_summaries',
  );
  return new Map(rows.map((r) => [r.id, r.summary]));
}

/** Latest two-way contact per account, for the few whose last one is older than the window. */
export async function loadLastContacts(
  q: Queryable,
  teamId: string,
  accountIds: readonly string[],
  now: Date,
): Promise<Map<string, Date>> {
  const result = new Map<string, Date>();
  if (accountIds.length === 0) return result;
  // Per account, the timeline index is walked newest first and stops at the first match.
  const { rows } = await q.query<{ id: string; at: Date | null }>(
    `select a.id, (select i.occurred_at from interactions i
                    where i.account_id = a.id and i.team_id = $1 and i.direction <> 'internal'
                      and i.occurred_at <= $3 and i.deleted_at is null
                    order by i.occurred_at desc limit 1) as at
       from unnest($2::uuid[]) as a(id)`,
    [teamId, accountIds, now],
    'crm_last_contacts',
  );
  for (const r of rows) if (r.at) result.set(r.id, r.at);
  return result;
}
