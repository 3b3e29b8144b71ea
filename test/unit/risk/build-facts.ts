import type { AccountFacts, InteractionFact } from '../../../lib/risk';
import { DAY_MS } from '../../../lib/risk/time';

/** 2026-06-15T12:00Z: a fixed "now" so day arithmetic in the tables is exact. */
export const NOW = Date.UTC(2026, 5, 15, 12);

export const daysAgo = (d: number) => NOW - d * DAY_MS;

/** An interaction `d` days before NOW; inbound email with contact "c1" unless overridden. */
export function ix(d: number, over: Partial<InteractionFact> = {}): InteractionFact {
  return { kind: 'email', direction: 'inbound', occurredAt: daysAgo(d), contactIds: ['c1'], amount: null, summary: '', ...over };
}

export function facts(over: Partial<AccountFacts> = {}): AccountFacts {
  return { now: NOW, cadenceDays: null, hasActiveOwner: true, interactions: [], openCommitmentDueDates: [], ...over };
}

/** `YYYY-MM-DD` of the UTC day `d` days before NOW (negative: in the future). */
export function dayOffset(d: number): string {
  return new Date(NOW - d * DAY_MS).toISOString().slice(0, 10);
}
