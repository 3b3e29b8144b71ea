import { RiskSettings, type Risk, type RiskLevel } from '../api';
import type { AccountFacts } from './facts';
import { RULES, type Finding } from './rules';

export type { AccountFacts, InteractionFact } from './facts';
export { factWindowDays } from './facts';
export { RULES } from './rules';
export { nextUtcMidnight, overdueCount, stableUntil } from './stability';

/** The team's thresholds with every default filled in. */
export const DEFAULT_RISK_SETTINGS: RiskSettings = RiskSettings.parse({});

/**
 * Runs every rule over one account's facts. Reasons come heaviest first, so the first one or
 * two are what a banner should show; the level follows from the summed weights.
 */
export function assessRisk(facts: AccountFacts, settings: RiskSettings = DEFAULT_RISK_SETTINGS): Risk {
  const findings = RULES.map((rule) => rule(facts, settings)).filter((f): f is Finding => f !== null);
  const ordered = findings
    .map((f, order) => ({ ...f, order }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  const total = findings.reduce((sum, f) => sum + f.weight, 0);
  return { level: levelFor(total, settings), reasons: ordered.map((f) => f.reason) };
}

export function levelFor(totalWeight: number, s: RiskSettings): RiskLevel {
  if (totalWeight >= s.atRiskAt) return 'at-risk';
  if (totalWeight >= s.watchAt) return 'watch';
  return 'ok';
}
