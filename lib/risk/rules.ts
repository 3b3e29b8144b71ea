import { PROBLEM_KINDS, type RiskReason, type RiskSettings } from '../api';
import type { AccountFacts, InteractionFact } from './facts';
import { DAY_MS, daysBetween, daysOverdue, median } from './time';

/** A rule's finding: the explained reason and how much it weighs towards the level. */
export interface Finding {
  reason: RiskReason;
  weight: number;
}
export type Rule = (facts: AccountFacts, settings: RiskSettings) => Finding | null;

const isProblem = (i: InteractionFact) => PROBLEM_KINDS.includes(i.kind);
/** Contact with the client, either way; internal notes are not contact. */
const isContact = (i: InteractionFact) => i.direction !== 'internal';
/** We reached out about something other than a problem. */
const isProactive = (i: InteractionFact) => i.direction === 'outbound' && !isProblem(i);
const within = (facts: AccountFacts, days: number) => (i: InteractionFact) =>
  i.occurredAt <= facts.now && i.occurredAt > facts.now - days * DAY_MS;
const newestFirst = (a: InteractionFact, b: InteractionFact) => b.occurredAt - a.occurredAt;

export const silence: Rule = (facts, s) => {
  const times = facts.interactions.filter(isContact).map((i) => i.occurredAt).filter((t) => t <= facts.now);
  times.sort((a, b) => a - b);
  const last = Math.max(times[times.length - 1] ?? -Infinity, facts.lastContactAt ?? -Infinity);
  if (last === -Infinity) return null;
  const days = daysBetween(last, facts.now);
  let expectedDays: number;
  let basis: 'cadence' | 'usual-gap';
  if (facts.cadenceDays !== null) {
    expectedDays = facts.cadenceDays;
    basis = 'cadence';
  } else {
    if (times.length < s.usualGapMinContacts) return null;
    const gaps = times.slice(1).map((t, i) => (t - times[i]!) / DAY_MS);
    expectedDays = Math.max(1, Math.round(median(gaps) * s.usualGapMultiple));
    basis = 'usual-gap';
  }
  if (days <= expectedDays) return null;
  return { reason: { code: 'silence', days, expectedDays, basis }, weight: days > expectedDays * 2 ? 2 : 1 };
};

export const overdueCommitments: Rule = (facts) => {
  const overdue = facts.openCommitmentDueDates
    .map((d) => (d === null ? 0 : daysOverdue(d, facts.now)))
    .filter((d) => d > 0);
  if (overdue.length === 0) return null;
  const oldestDaysOverdue = Math.max(...overdue);
  return {
    reason: { code: 'overdue-commitments', count: overdue.length, oldestDaysOverdue },
    weight: overdue.length > 1 || oldestDaysOverdue > 7 ? 2 : 1,
  };
};

export const onlyProblems: Rule = (facts, s) => {
  const recent = facts.interactions
    .filter(within(facts, s.recentDays))
    .filter((i) => i.direction !== 'internal' || isProblem(i))
    .sort(newestFirst)
    .slice(0, s.recentCount);
  const problems = recent.filter(isProblem).length;
  if (problems < 2 || problems * 2 <= recent.length || recent.some(isProactive)) return null;
  return { reason: { code: 'only-problems', problems, of: recent.length }, weight: 2 };
};

export const shrinkingBusiness: Rule = (facts, s) => {
  const w = s.ordersWindowDays * DAY_MS;
  const sum = (from: number, to: number) =>
    facts.interactions
      .filter((i) => i.kind === 'order' && i.occurredAt > from && i.occurredAt <= to)
      .reduce((total, i) => total + (i.amount ?? 0), 0);
  const recent = sum(facts.now - w, facts.now);
  const previous = sum(facts.now - 2 * w, facts.now - w);
  const drop = previous > 0 ? Math.round(((previous - recent) / previous) * 100) : 0;
  const dropPercent = drop >= s.ordersDropPercent ? drop : null;
  const cancellations = facts.interactions.filter(
    (i) => i.kind === 'cancellation' && within(facts, s.ordersWindowDays)(i),
  ).length;
  if (dropPercent === null && cancellations === 0) return null;
  return {
    reason: { code: 'shrinking-business', dropPercent, cancellations },
    weight: dropPercent !== null && cancellations > 0 ? 3 : 2,
  };
};

/** Needs a few contacts before one person can be said to carry the relationship. */
const SINGLE_THREAD_MIN_CONTACTS = 3;

export const singleThreaded: Rule = (facts, s) => {
  const contacts = facts.interactions
    .filter(within(facts, s.singleThreadedMonths * 30.44))
    .filter((i) => isContact(i) && i.contactIds.length > 0);
  if (contacts.length < SINGLE_THREAD_MIN_CONTACTS) return null;
  const people = new Set(contacts.flatMap((i) => i.contactIds));
  if (people.size !== 1) return null;
  return { reason: { code: 'single-threaded', months: s.singleThreadedMonths }, weight: 1 };
};

export const noOwner: Rule = (facts) =>
  facts.hasActiveOwner ? null : { reason: { code: 'no-owner' }, weight: 1 };

export const competitorMentioned: Rule = (facts, s) => {
  if (s.competitors.length === 0) return null;
  const patterns = s.competitors.map((name) => ({ name, re: wordPattern(name) }));
  const recent = facts.interactions.filter(within(facts, s.competitorDays)).sort(newestFirst);
  for (const i of recent) {
    const hit = patterns.find((p) => p.re.test(i.summary));
    if (hit) {
      return {
        reason: { code: 'competitor-mentioned', competitor: hit.name, daysAgo: daysBetween(i.occurredAt, facts.now) },
        weight: 1,
      };
    }
  }
  return null;
};

/** Matches `name` as a whole word in any script, ignoring case ("Telkom" not in "Telkomsel"). */
function wordPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Every rule, in the order reasons of equal weight are listed. */
export const RULES: readonly Rule[] = [
  overdueCommitments, silence, onlyProblems, shrinkingBusiness, competitorMentioned, singleThreaded, noOwner,
];
