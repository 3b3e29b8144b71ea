import type { RiskSettings } from '../../lib/api';
import type { Queryable } from '../db';
import { computeSummaries } from './summaries';
import { readSettings } from './users';

/**
 * The stored summaries of migration 003 (`account_summaries`). Writes keep them honest by
 * themselves: triggers null a row's summary and bump its generation in the writing transaction.
 * Here a summary is read only while it is current, and a computed one is stored only if no write
 * came in between (its generation is unchanged).
 */

/** However stable the facts, a summary is looked at again after this long. */
export const MAX_VALIDITY_MS = 7 * 86_400_000;

/**
 * A team's risk settings and their key: md5 of the stored JSON, computed by the database where
 * the settings are read (`CALLER_CTE` does the same). A summary records the key of the settings
 * it was computed with; a summary with another key is not used.
 */
export interface TeamSettings {
  settings: RiskSettings;
  key: string;
}

export async function teamSettings(q: Queryable, teamId: string): Promise<TeamSettings | null> {
  const { rows } = await q.query<{ risk_settings: unknown; settings_key: string }>(
    'select risk_settings, md5(risk_settings::text) as settings_key from teams where id = $1',
    [teamId],
  );
  const row = rows[0];
  return row ? { settings: readSettings(row.risk_settings), key: row.settings_key } : null;
}

/** An account whose summary has to be computed, with the generation its row had when read (null: no row). */
export interface StaleSummary {
  id: string;
  gen: string | null;
}

interface CachedRow {
  account_id: string;
  gen: string | null;
  summary: string | null;
}

/**
 * `accountId → summary JSON` (the text the API sends) for accounts of a team: stored ones where
 * current, the others computed now and stored. Ids of other teams are absent from the result.
 */
export async function summariesJson(
  q: Queryable,
  teamId: string,
  accountIds: readonly string[],
  team: TeamSettings,
  now: Date,
): Promise<Map<string, string>> {
  const ids = [...new Set(accountIds)];
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const { rows } = await q.query<CachedRow>(
    `select a.id as account_id, s.gen::text as gen,
            case when s.settings_key = $3 and s.computed_at <= $4 and s.valid_until > $4 then s.summary::text end as summary
       from accounts a left join account_summaries s on s.account_id = a.id
      where a.team_id = $1 and a.id = any($2::uuid[])`,
    [teamId, ids, team.key, now],
    'crm_cached_summaries',
  );
  const stale: StaleSummary[] = [];
  for (const r of rows) {
    if (r.summary !== null) out.set(r.account_id, r.summary);
    else stale.push({ id: r.account_id, gen: r.gen });
  }
  for (const [id, json] of await computeAndStore(q, teamId, stale, team, now)) out.set(id, json);
  return out;
}

/**
 * Computes summaries (the existing `computeSummaries`, a fixed few queries whatever the count)
 * and stores each one whose row is still at the generation read, in one statement. Rows another
 * statement holds locked (a write about to make them stale, or another reader storing the same
 * summary) are skipped rather than waited for: the answer is returned either way.
 */
export async function computeAndStore(
  q: Queryable,
  teamId: string,
  stale: readonly StaleSummary[],
  team: TeamSettings,
  now: Date,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (stale.length === 0) return out;
  const computed = await computeSummaries(q, teamId, stale.map((s) => s.id), team.settings, now);
  const at = now.getTime();
  const ids: string[] = [];
  const gens: (string | null)[] = [];
  const texts: string[] = [];
  const until: Date[] = [];
  for (const s of stale) {
    const c = computed.get(s.id);
    if (!c) continue;
    const json = JSON.stringify(c.summary);
    out.set(s.id, json);
    ids.push(s.id);
    gens.push(s.gen);
    texts.push(json);
    until.push(new Date(Math.min(c.validUntil, at + MAX_VALIDITY_MS)));
  }
  if (ids.length > 0) await storeSummaries(q, teamId, { ids, gens, texts, until }, team.key, now);
  return out;
}

async function storeSummaries(
  q: Queryable,
  teamId: string,
  rows: { ids: string[]; gens: (string | null)[]; texts: string[]; until: Date[] },
  key: string,
  now: Date,
): Promise<void> {
  // Rows that exist are updated if their generation is unchanged; a missing row (an account
  // written without its row, which the triggers never do) is added, unless someone was first.
  await q.query(
    `with v as (
       select * from unnest($2::uuid[], $3::bigint[], $4::text[], $5::timestamptz[]) as v(id, gen, summary, valid_until)
     ), locked as (
       select s.account_id from account_summaries s join v on v.id = s.account_id and v.gen = s.gen
        where s.team_id = $1
        for update of s skip locked
     ), updated as (
       update account_summaries s
          set summary = v.summary::json, settings_key = $6, computed_at = $7, valid_until = v.valid_until
         from v, locked
        where s.account_id = v.id and locked.account_id = v.id and s.gen = v.gen
     )
     insert into account_summaries (account_id, team_id, summary, settings_key, computed_at, valid_until)
     select v.id, $1, v.summary::json, $6, $7, v.valid_until from v where v.gen is null
     on conflict (account_id) do nothing`,
    [teamId, rows.ids, rows.gens, rows.texts, rows.until, key, now],
    'crm_store_summaries',
  );
}

/** Marks summaries stale: a team's, or every one (what a write does to the rows it touches). */
export async function markSummariesStale(q: Queryable, teamId?: string): Promise<number> {
  const { rowCount } = await q.query(
    `update account_summaries set summary = null, gen = gen + 1
      where summary is not null and ($1::uuid is null or team_id = $1)`,
    [teamId ?? null],
  );
  return rowCount;
}

interface DueRow {
  account_id: string;
  team_id: string;
  gen: string;
  risk_settings: unknown;
  settings_key: string;
}

/**
 * Computes up to `limit` summaries that are missing, stale, past their `valid_until`, or of other
 * settings than the team's, so that lookups rarely have to. Returns how many it looked at (fewer than `limit`: nothing else is due).
 */
export async function refreshDueSummaries(q: Queryable, now: Date, limit: number): Promise<number> {
  const { rows } = await q.query<DueRow>(
    `select s.account_id, s.team_id, s.gen::text as gen, t.risk_settings, md5(t.risk_settings::text) as settings_key
       from account_summaries s join teams t on t.id = s.team_id
      where s.summary is null or s.valid_until <= $1 or s.settings_key <> md5(t.risk_settings::text)
      limit $2`,
    [now, limit],
  );
  const byTeam = new Map<string, { team: TeamSettings; stale: StaleSummary[] }>();
  for (const r of rows) {
    const entry = byTeam.get(r.team_id) ?? { team: { settings: readSettings(r.risk_settings), key: r.settings_key }, stale: [] };
    entry.stale.push({ id: r.account_id, gen: r.gen });
    byTeam.set(r.team_id, entry);
  }
  for (const [teamId, entry] of byTeam) await computeAndStore(q, teamId, entry.stale, entry.team, now);
  return rows.length;
}
