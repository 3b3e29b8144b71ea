import { PROBLEM_KINDS, type RiskReason, type RiskSettings } from '../api';
import type { AccountFacts, InteractionFact } from './facts';
import { DAY_MS, daysBetween, daysOverdue, median } from './time';

/** A rule's finding: the explained reason and how much it weighs towards the level. */
export interface Finding {
  reason: RiskReason;
  weight: number;
}
export type Rule = (facts: AccountFacts, settings: RiskSettings) => Finding | null;

export const isProblem = (i: InteractionFact) => PROBLEM_KINDS.includes(i.kind);
/** Contact with the client, either way; internal notes are not contact. */
export const isContact = (i: InteractionFact) => i.direction !== 'internal';
/** We reached out about something other than a problem. */
const isProactive = (i: InteractionFact) => i.direction === 'outbound' && !isProblem(i);
/** Whether the instant `t` lies in the `days` that end at `now` (now included, the far end not). */
export const inWindow = (t: number, now: number, days: number) => t <= now && t > now - days * DAY_MS;
const within = (facts: AccountFacts, days: number) => (i: InteractionFact) => inWindow(i.occurredAt, facts.now, days);
/** "Only problems" looks at these: contact either way, and problems even when noted internally. */
export const countsForOnlyProblems = (i: InteractionFact) => i.direction !== 'internal' || isProblem(i);
const newestFirst = (a: InteractionFact, b: InteractionFact) => b.occurredAt - a.occurredAt;

/** What the silence rule compares: the last contact and the silence to expect, or null when it cannot tell. */
export interface SilenceTerms {
  last: number;
  expectedDays: number;
  basis: 'cadence' | 'usual-gap';
}

export function silenceTerms(facts: AccountFacts, s: RiskSettings): SilenceTerms | null {
  const times = facts.interactions.filter(isContact).map((i) => i.occurredAt).filter((t) => t <= facts.now);
  times.sort((a, b) => a - b);
  const last = Math.max(times[times.length - 1] ?? -Infinity, facts.lastContactAt ?? -Infinity);
  if (last === -Infinity) return null;
  if (facts.cadenceDays !== null) return { last, expectedDays: facts.cadenceDays, basis: 'cadence' };
  if (times.length < s.usualGapMinContacts) return null;
  const gaps = times.slice(1).map((t, i) => (t - times[i]!) / DAY_MS);
  return { last, expectedDays: Math.max(1, Math.round(median(gaps) * s.usualGapMultiple)), basis: 'usual-gap' };
}

export const silence: Rule = (facts, s) => {
  const terms = silenceTerms(facts, s);
  if (terms === null) return null;
  const { last, expectedDays, basis } = terms;
  const days = daysBetween(last, facts.now);
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
    .filter(countsForOnlyProblems)
    .sort(newestFirst)
    .slice(0, s.recentCount);
  const problems = recent.filter(isProblem).length;
  if (problems < 2 || problems * 2 <= recent.length || recent.some(isProactive)) return null;
  return { reason: { code: 'only-problems', problems, of: recent.length }, weight: 2 };
};

/** The length of each of the two periods whose order totals are compared, in ms. */
export const ordersWindowMs = (s: RiskSettings) => s.ordersWindowDays * DAY_MS;

export const shrinkingBusiness: Rule = (facts, s) => {
  const w = ordersWindowMs(s);
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
/** The single-threading window in days (months of 30.44 days). */
export const singleThreadedDays = (s: RiskSettings) => s.singleThreadedMonths * 30.44;
/** Contact with named people at the client: what single-threading is judged on. */
export const namesPeople = (i: InteractionFact) => isContact(i) && i.contactIds.length > 0;

export const singleThreaded: Rule = (facts, s) => {
  const contacts = facts.interactions
    .filter(within(facts, singleThreadedDays(s)))
    .filter(namesPeople);
  if (contacts.length < SINGLE_THREAD_MIN_CONTACTS) return null;
  const people = new Set(contacts.flatMap((i) => i.contactIds));
  if (people.size !== 1) return null;
  return { reason: { code: 'single-threaded', months: s.singleThreadedMonths }, weight: 1 };
};

export const noOwner: Rule = (facts) =>
  facts.hasActiveOwner ? null : { reason: { code: 'no-owner' }, weight: 1 };

/** The newest interaction of the competitor window that names a competitor, and the name. */
export function competitorHit(facts: AccountFacts, s: RiskSettings): { competitor: string; at: number } | null {
  if (s.competitors.length === 0) return null;
  const patterns = competitorPatterns(s);
  const recent = facts.interactions.filter(within(facts, s.competitorDays)).sort(newestFirst);
  for (const i of recent) {
    const hit = patterns.find((p) => p.re.test(i.summary));
    if (hit) return { competitor: hit.name, at: i.occurredAt };
  }
  return null;
}

export const competitorMentioned: Rule = (facts, s) => {
  const hit = competitorHit(facts, s);
  if (hit === null) return null;
  return {
    reason: { code: 'competitor-mentioned', competitor: hit.competitor, daysAgo: daysBetween(hit.at, facts.now) },
    weight: 1,
  };
};

/** The team's competitors, each with the pattern that finds it in a summary. */
export function competitorPatterns(s: RiskSettings): { name: string; re: RegExp }[] {
  return s.competitors.map((name) => ({ name, re: wordPattern(name) }));
}

/** Matches `name` as a whole word in any script, ignoring case ("Telkom" not in "Telkomsel"). */
function wordPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Every rule, in the order reasons of equal weight are listed. */
export const RULES: readonly Rule[] = [
  overdueCommitments, silence, onlyProblems, shrinkingBusiness, competitorMentioned, singleThreaded, noOwner,
];
