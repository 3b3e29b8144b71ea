import type { RiskSettings } from '../api';
import { factWindowDays, type AccountFacts } from './facts';
import {
  competitorHit, countsForOnlyProblems, inWindow, namesPeople, ordersWindowMs, silenceTerms, singleThreadedDays,
} from './rules';
import { DAY_MS, daysBetween, daysOverdue } from './time';

/**
 * The first whole millisecond after `now` at which `reached` holds, searched from `guess` (the
 * instant the arithmetic predicts). `reached` must be false at `now` and, once true, stay true.
 * The few steps either way absorb floating-point rounding; should they not suffice, the answer
 * errs early, which only costs a needless recomputation.
 */
function firstInstant(now: number, guess: number, reached: (n: number) => boolean): number {
  const earliest = Math.floor(now) + 1;
  if (Number.isNaN(guess)) return earliest;
  if (guess === Infinity) return Infinity;
  let n = Math.max(earliest, Math.ceil(guess));
  for (let k = 0; n > earliest && reached(n - 1); k++) {
    if (k === 8) return earliest;
    n--;
  }
  for (let k = 0; k < 8 && !reached(n); k++) n++;
  return n;
}

/** The next UTC midnight after `now`: when the calendar day, and with it every overdue count, moves on. */
export function nextUtcMidnight(now: number): number {
  return (Math.floor(now / DAY_MS) + 1) * DAY_MS;
}

/**
 * How long an assessment holds: the earliest instant (epoch ms, after `facts.now`) at which time
 * alone could change what the rules say about these facts, or `Infinity` when it never can.
 * "What the rules say" is `assessRisk` (level, reasons and their numbers), the count of overdue
 * commitments, and which interactions lie inside the fact window (`factWindowDays`), on which
 * the last contact and the people in touch are counted.
 *
 * For every instant `t` with `facts.now <= t < stableUntil(facts, settings)`, assessing the same
 * facts with `now = t` (and the interactions of the window at `t`) gives the same answer as at
 * `facts.now`. The instant is found rule by rule, next to the rules it mirrors:
 * - an interaction dated after `now` starts to count when its moment comes;
 * - an interaction leaves each window a rule uses (fact window, recent problems, the two order
 *   periods, cancellations, single-threading) when the window's far end passes it; only
 *   interactions a rule would look at are followed for its window (for "only problems", the
 *   newest `recentCount`; for orders, those with an amount);
 * - silence: the days since the last contact reach the expected silence, or, once over it,
 *   the next whole day (the reason carries the count);
 * - the newest competitor mention's "days ago" moves on a day;
 * - due dates: overdue counts and days change at UTC midnights only, at the first midnight after
 *   a due date, then at every midnight while it stays overdue.
 * Instants are whole milliseconds. The answer may be earlier than strictly needed (an
 * interaction leaving a window need not change any outcome), never later.
 */
export function stableUntil(facts: AccountFacts, settings: RiskSettings): number {
  const now = facts.now;
  let until = Infinity;
  const at = (instant: number) => {
    if (instant < until) until = instant;
  };
  /** When the instant `t`, inside the window of `days` now, falls out of it. */
  const leaves = (t: number, days: number) => {
    if (inWindow(t, now, days)) at(firstInstant(now, t + days * DAY_MS, (n) => !inWindow(t, n, days)));
  };

  const factDays = factWindowDays(settings);
  const w = ordersWindowMs(settings);
  const threadDays = singleThreadedDays(settings);
  for (const i of facts.interactions) {
    const t = i.occurredAt;
    if (Number.isNaN(t)) continue;
    if (t > now) {
      at(firstInstant(now, t, (n) => t <= n));
      continue;
    }
    leaves(t, factDays);
    if (i.kind === 'order' && (i.amount ?? 0) !== 0) {
      // The rule's own arithmetic: recent is (now - w, now], previous (now - 2w, now - w].
      if (t > now - w) at(firstInstant(now, t + w, (n) => !(t > n - w)));
      else if (t > now - 2 * w) at(firstInstant(now, t + 2 * w, (n) => !(t > n - 2 * w)));
    }
    if (i.kind === 'cancellation') leaves(t, settings.ordersWindowDays);
    if (namesPeople(i)) leaves(t, threadDays);
  }
  // "Only problems" reads the newest few of its window: older ones leave first, unseen.
  const recent = facts.interactions
    .filter((i) => countsForOnlyProblems(i) && inWindow(i.occurredAt, now, settings.recentDays))
    .sort((a, b) => b.occurredAt - a.occurredAt)
    .slice(0, settings.recentCount);
  for (const i of recent) leaves(i.occurredAt, settings.recentDays);

  const silence = silenceTerms(facts, settings);
  if (silence !== null) {
    const days = daysBetween(silence.last, now);
    // Quiet so far: the rule starts at expectedDays + 1. Already silent: the count moves daily.
    const target = days > silence.expectedDays ? days + 1 : silence.expectedDays + 1;
    at(firstInstant(now, silence.last + target * DAY_MS, (n) => daysBetween(silence.last, n) >= target));
  }

  // Only the newest mention is reported, and its "days ago" moves on before it leaves the window.
  const hit = competitorHit(facts, settings);
  if (hit !== null) {
    const daysAgo = daysBetween(hit.at, now);
    at(firstInstant(now, hit.at + (daysAgo + 1) * DAY_MS, (n) => daysBetween(hit.at, n) > daysAgo));
  }

  const midnight = nextUtcMidnight(now);
  for (const d of facts.openCommitmentDueDates) {
    if (d === null) continue;
    const due = Date.parse(`${d}T00:00:00.000Z`);
    // Overdue from the first midnight after the due day on, and a day more at every midnight
    // after. A date that does not read as a midnight is simply looked at again at the next one.
    at(Number.isNaN(due) || due % DAY_MS !== 0 ? midnight : Math.max(midnight, due + DAY_MS));
  }
  return until;
}

/** Open commitments past their due day at `now`, counted as the overdue rule counts them. */
export function overdueCount(dueDates: readonly (string | null)[], now: number): number {
  return dueDates.filter((d) => d !== null && daysOverdue(d, now) > 0).length;
}
