import {
  ATTENTION_WINDOW_DAYS, type AccountSummary, type AttentionAccount, type AttentionCommitment, type AttentionRhythm,
  type AttentionRisk,
} from '../../lib/api';
import type { Queryable } from '../db';
import type { AttentionPosition } from './attention-cursor';
import { COMMITMENT_SELECT, isoText, toCommitment, type CommitmentRow } from './rows';

const DAY_MS = 86_400_000;

/** Whose rows a section lists: a team's, or one owner's within it. */
export interface Scope {
  teamId: string;
  /** Null: the whole team's. */
  ownerId: string | null;
}

/** One page of a section: the rows (one more than asked, when there is more) and each row's keyset. */
export interface SectionRows<T, P extends AttentionPosition> {
  items: T[];
  positions: P['key'][];
}

/** A keyset value as the cursor holds it: ISO text, or -infinity (never in touch). */
const keyInstant = (column: string) => `case when isfinite(${column}) then ${isoText(column)} else '-infinity' end`;

/**
 * The filter of a scope over `alias`, from parameter `$first` on. Two forms rather than one with
 * `$2 is null or …`, so that each is planned with its own index (by owner, or by team).
 */
function scopeFilter(alias: string, scope: Scope, first: number): { sql: string; params: string[] } {
  return scope.ownerId === null
    ? { sql: `${alias}.team_id = $${first}`, params: [scope.teamId] }
    : { sql: `${alias}.team_id = $${first} and ${alias}.owner_id = $${first + 1}`, params: [scope.teamId, scope.ownerId] };
}

const accountOf = (s: AccountSummary): AttentionAccount => ({ id: s.id, name: s.name, owner: s.owner });

interface SummaryKeyRow {
  summary: AccountSummary;
  k1: string;
  k2: string;
}

/** Accounts at risk or to watch, most urgent first (risk_rank, then the longest silent). */
export async function riskRows(
  q: Queryable, scope: Scope, after: [number, string, string] | null, limit: number,
): Promise<SectionRows<AttentionRisk, Extract<AttentionPosition, { section: 'atRisk' }>>> {
  const where = scopeFilter('s', scope, 1);
  const params: unknown[] = [...where.params, limit];
  const n = params.length;
  const keyset = after === null ? '' : `and (s.risk_rank, s.last_contact_at, s.account_id) > ($${n + 1}, $${n + 2}::timestamptz, $${n + 3}::uuid)`;
  if (after !== null) params.push(...after);
  const { rows } = await q.query<SummaryKeyRow & { rank: number }>(
    `select s.summary, s.risk_rank as rank, ${keyInstant('s.last_contact_at')} as k1, s.account_id as k2
       from account_summaries s
      where ${where.sql} and s.risk_rank is not null ${keyset}
      order by s.risk_rank, s.last_contact_at, s.account_id
      limit $${n}`,
    params,
  );
  return {
    items: rows.map((r) => ({
      account: accountOf(r.summary),
      level: r.summary.risk.level === 'at-risk' ? 'at-risk' : 'watch',
      reasons: r.summary.risk.reasons,
      lastContactAt: r.summary.lastContactAt,
    })),
    positions: rows.map((r) => [r.rank, r.k1, r.k2]),
  };
}

/** Accounts whose rhythm is due by the window's end (overdue ones too), soonest first. */
export async function rhythmRows(
  q: Queryable, scope: Scope, windowEnd: Date, after: [string, string] | null, limit: number,
): Promise<SectionRows<AttentionRhythm, Extract<AttentionPosition, { section: 'rhythm' }>>> {
  const where = scopeFilter('s', scope, 1);
  const params: unknown[] = [...where.params, limit, windowEnd];
  const n = params.length;
  const keyset = after === null ? '' : `and (s.rhythm_due_at, s.account_id) > ($${n + 1}::timestamptz, $${n + 2}::uuid)`;
  if (after !== null) params.push(...after);
  const { rows } = await q.query<SummaryKeyRow>(
    `select s.summary, ${keyInstant('s.rhythm_due_at')} as k1, s.account_id as k2
       from account_summaries s
      where ${where.sql} and s.rhythm_due_at <= $${n} ${keyset}
      order by s.rhythm_due_at, s.account_id
      limit $${n - 1}`,
    params,
  );
  return {
    items: rows.map((r) => ({
      account: accountOf(r.summary),
      // rhythm_due_at is only set when the summary has a cadence.
      cadenceDays: r.summary.cadenceDays ?? 1,
      lastContactAt: r.summary.lastContactAt,
      dueAt: r.k1 === '-infinity' ? null : r.k1,
    })),
    positions: rows.map((r) => [r.k1, r.k2]),
  };
}

/** Open commitments due by the window's last day (overdue ones too), the longest overdue first. */
export async function commitmentRows(
  q: Queryable, scope: Scope, now: Date, after: [string, string] | null, limit: number,
): Promise<SectionRows<AttentionCommitment, Extract<AttentionPosition, { section: 'commitments' }>>> {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const lastDay = new Date(today + ATTENTION_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  const where = scopeFilter('c', scope, 1);
  const params: unknown[] = [...where.params, limit, lastDay];
  const n = params.length;
  const keyset = after === null ? '' : `and (c.due_date, c.id) > ($${n + 1}::date, $${n + 2}::uuid)`;
  if (after !== null) params.push(...after);
  const { rows } = await q.query<CommitmentRow & { account_name: string }>(
    `with page as (
       ${COMMITMENT_SELECT}
        where ${where.sql} and c.status = 'open' and c.due_date is not null and c.due_date <= $${n}::date ${keyset}
        order by c.due_date, c.id
        limit $${n - 1})
     select page.*, a.name as account_name from page join accounts a on a.id = page.account_id
      order by page.due_date, page.id`,
    params,
  );
  return {
    items: rows.map((r) => {
      const dueDate = r.due_date ?? lastDay;
      return {
        commitment: toCommitment(r),
        account: { id: r.account_id, name: r.account_name },
        dueDate,
        daysOverdue: Math.round((today - Date.parse(`${dueDate}T00:00:00.000Z`)) / DAY_MS),
      };
    }),
    positions: rows.map((r) => [r.due_date ?? lastDay, r.id]),
  };
}
