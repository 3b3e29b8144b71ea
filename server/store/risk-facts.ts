import type { RiskSettings } from '../../lib/api';
import type { InteractionFact } from '../../lib/risk';
import type { Queryable } from '../db';

const DAY_MS = 86_400_000;

/** Days of history the rules need: a year, or more if the team's windows reach further back. */
export function factWindowDays(s: RiskSettings): number {
  return Math.ceil(Math.max(365, s.singleThreadedMonths * 30.44, s.ordersWindowDays * 2, s.recentDays, s.competitorDays));
}

interface FactRow {
  account_id: string;
  kind: InteractionFact['kind'];
  direction: InteractionFact['direction'];
  occurred_at: Date;
  contact_ids: string[];
  amount: number | null;
  summary: string;
}

/**
 * The interactions of the fact window for many accounts in one query. Summaries are only read
 * inside the competitor window and only when the team names competitors: that rule is their sole
 * reader, and they are by far the widest column.
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
  const summariesFrom =
    settings.competitors.length > 0 ? new Date(now.getTime() - settings.competitorDays * DAY_MS) : now;
  const { rows } = await q.query<FactRow>(
    `select account_id, kind, direction, occurred_at, contact_ids, amount,
            case when occurred_at > $4 then summary else '' end as summary
       from interactions
      where team_id = $1 and account_id = any($2::uuid[]) and occurred_at > $3 and occurred_at <= $5`,
    [teamId, accountIds, from, summariesFrom, now],
  );
  for (const r of rows) {
    byAccount.get(r.account_id)?.push({
      kind: r.kind,
      direction: r.direction,
      occurredAt: r.occurred_at.getTime(),
      contactIds: r.contact_ids,
      amount: r.amount,
      summary: r.summary,
    });
  }
  return byAccount;
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
                      and i.occurred_at <= $3
                    order by i.occurred_at desc limit 1) as at
       from unnest($2::uuid[]) as a(id)`,
    [teamId, accountIds, now],
  );
  for (const r of rows) if (r.at) result.set(r.id, r.at);
  return result;
}
