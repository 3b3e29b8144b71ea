import { describe, expect, it } from 'vitest';
import { RiskSettings } from '../../../lib/api';
import { assessRisk } from '../../../lib/risk';
import { dayOffset, facts, ix } from './build-facts';

describe('assessRisk', () => {
  it('a healthy client is ok with no reasons', () => {
    const healthy = facts({
      cadenceDays: 14,
      interactions: [ix(3, { direction: 'outbound', contactIds: ['a'] }), ix(10, { contactIds: ['b'] }), ix(20, { contactIds: ['a'] })],
    });
    expect(assessRisk(healthy)).toEqual({ level: 'ok', reasons: [] });
  });

  it.each([
    ['one late promise: watch', facts({ openCommitmentDueDates: [dayOffset(2)] }), 'watch'],
    ['no owner alone: watch', facts({ hasActiveOwner: false }), 'watch'],
    ['late promises and long silence: at risk', facts({
      cadenceDays: 14, interactions: [ix(40)], openCommitmentDueDates: [dayOffset(9), dayOffset(3)],
    }), 'at-risk'],
  ])('%s', (_name, f, level) => {
    expect(assessRisk(f).level).toBe(level);
  });

  it('lists the heaviest reasons first', () => {
    const risk = assessRisk(facts({
      hasActiveOwner: false, cadenceDays: 14, interactions: [ix(40)], openCommitmentDueDates: [dayOffset(1)],
    }));
    expect(risk.reasons.map((r) => r.code)).toEqual(['silence', 'overdue-commitments', 'no-owner']);
  });

  it('follows the team thresholds', () => {
    const strict = RiskSettings.parse({ atRiskAt: 1 });
    expect(assessRisk(facts({ hasActiveOwner: false }), strict).level).toBe('at-risk');
  });
});
