import type { AccountSummary, RiskSettings } from '../../lib/api';
import { assessRisk, stableUntil } from '../../lib/risk';
import type { AccountFacts, InteractionFact } from '../../lib/risk';
import type { Queryable } from '../db';
import { loadInteractionFacts, loadLastContacts } from './risk-facts';

interface SummaryRow {
  id: string;
  name: string;
  stage: AccountSummary['stage'];
  cadence_days: number | null;
  owner_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  owner_active: boolean | null;
  open_due: (string | null)[];
}

/** Today's date in UTC as `YYYY-MM-DD`, the calendar due dates are compared with. */
const utcDay = (now: Date) => now.toISOString().slice(0, 10);

/** A summary and the instant (epoch ms, or Infinity) until which time alone cannot change it. */
export interface ComputedSummary {
  summary: AccountSummary;
  validUntil: number;
}

/**
 * Summaries (risk included) of many accounts of one team in a fixed number of queries, whatever
 * the count: the accounts with their open due dates, then their interactions of the fact window,
 * then, only for accounts silent for longer than the window, their last contact.
 * Ids of other teams are simply absent from the result.
 */
export async function loadSummaries(
  q: Queryable,
  teamId: string,
  accountIds: readonly string[],
  settings: RiskSettings,
  now: Date,
): Promise<Map<string, AccountSummary>> {
  const computed = await computeSummaries(q, teamId, accountIds, settings, now);
  return new Map([...computed].map(([id, c]) => [id, c.summary]));
}

/** The same, each with how long it holds (lib/risk `stableUntil`), for the summary cache. */
export async function computeSummaries(
  q: Queryable,
  teamId: string,
  accountIds: readonly string[],
  settings: RiskSettings,
  now: Date,
): Promise<Map<string, ComputedSummary>> {
  const out = new Map<string, ComputedSummary>();
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return out;
  const at = now.getTime();
  const [accounts, facts] = await Promise.all([
    q.query<SummaryRow>(
      `select a.id, a.name, a.stage, a.cadence_days,
              o.id as owner_id, o.name as owner_name, o.email as owner_email, o.active as owner_active,
              array(select c.due_date::text from commitments c
                     where c.account_id = a.id and c.status = 'open') as open_due
         from accounts a left join users o on o.id = a.owner_id
        where a.team_id = $1 and a.id = any($2::uuid[])`,
      [teamId, ids],
      'crm_summary_accounts',
    ),
    // Interactions dated after now come too: they only tell when the summary starts to change.
    loadInteractionFacts(q, teamId, ids, settings, now),
  ]);
  const present = new Map<string, InteractionFact[]>();
  const lastContact = new Map<string, number>();
  for (const [id, list] of facts) {
    const past = list.every((i) => i.occurredAt <= at) ? list : list.filter((i) => i.occurredAt <= at);
    present.set(id, past);
    const latest = latestContact(past);
    if (latest !== null) lastContact.set(id, latest);
  }
  const silent = accounts.rows.map((r) => r.id).filter((id) => !lastContact.has(id));
  for (const [id, when] of await loadLastContacts(q, teamId, silent, now)) lastContact.set(id, when.getTime());

  const today = utcDay(now);
  for (const r of accounts.rows) {
    const interactions = present.get(r.id) ?? [];
    const last = lastContact.get(r.id);
    const accountFacts: AccountFacts = {
      now: at,
      cadenceDays: r.cadence_days,
      hasActiveOwner: r.owner_id !== null && r.owner_active === true,
      interactions,
      // Lets the silence rule see a client quiet for longer than the fact window.
      lastContactAt: last ?? null,
      openCommitmentDueDates: r.open_due,
    };
    const risk = assessRisk(accountFacts, settings);
    const summary: AccountSummary = {
      id: r.id,
      name: r.name,
      stage: r.stage,
      owner: r.owner_id === null ? null : { id: r.owner_id, name: r.owner_name ?? '', email: r.owner_email ?? '' },
      lastContactAt: last === undefined ? null : new Date(last).toISOString(),
      cadenceDays: r.cadence_days,
      openCommitments: r.open_due.length,
      overdueCommitments: r.open_due.filter((d) => d !== null && d < today).length,
      contactsInTouch: new Set(interactions.flatMap((i) => i.contactIds)).size,
      risk,
    };
    const validUntil = stableUntil({ ...accountFacts, interactions: facts.get(r.id) ?? [] }, settings);
    out.set(r.id, { summary, validUntil });
  }
  return out;
}

/** Latest two-way contact (internal notes are not contact, as in the silence rule). */
function latestContact(list: readonly InteractionFact[]): number | null {
  let latest: number | null = null;
  for (const i of list) {
    if (i.direction !== 'internal' && (latest === null || i.occurredAt > latest)) latest = i.occurredAt;
  }
  return latest;
}
