import { describe, expect, it } from 'vitest';
import type { RiskReason } from '../../../lib/api';
import { describeReason, describeRisk } from '../../../lib/risk/describe';

describe('describeReason', () => {
  it.each<[RiskReason, string]>([
    [{ code: 'silence', days: 41, expectedDays: 14, basis: 'cadence' }, 'No contact for 41 days; the agreed rhythm is every 14 days'],
    [{ code: 'silence', days: 30, expectedDays: 1, basis: 'usual-gap' }, 'No contact for 30 days; for this client more than 1 day is unusual'],
    [{ code: 'overdue-commitments', count: 2, oldestDaysOverdue: 9 }, '2 commitments overdue, the oldest by 9 days'],
    [{ code: 'overdue-commitments', count: 1, oldestDaysOverdue: 1 }, '1 commitment overdue, the oldest by 1 day'],
    [{ code: 'only-problems', problems: 4, of: 5 }, 'Mostly problems lately: 4 of the last 5 contacts were complaints, billing, outages or cancellations, and none was a proactive touch from us'],
    [{ code: 'shrinking-business', dropPercent: 45, cancellations: 0 }, 'Orders down 45% on the previous period'],
    [{ code: 'shrinking-business', dropPercent: null, cancellations: 1 }, '1 cancellation recorded lately'],
    [{ code: 'shrinking-business', dropPercent: 30, cancellations: 2 }, 'Orders down 30% on the previous period, and 2 cancellations recorded'],
    [{ code: 'single-threaded', months: 12 }, 'Only one person there has been in touch in the last 12 months'],
    [{ code: 'no-owner' }, 'No active owner on our side'],
    [{ code: 'competitor-mentioned', competitor: 'Telkom', daysAgo: 3 }, 'Competitor Telkom mentioned 3 days ago'],
    [{ code: 'competitor-mentioned', competitor: 'Telkom', daysAgo: 0 }, 'Competitor Telkom mentioned today'],
  ])('%o', (reason, text) => {
    expect(describeReason(reason)).toBe(text);
  });

  it('summarises a level and its reasons for an accessible label', () => {
    expect(describeRisk('at-risk', [{ code: 'no-owner' }, { code: 'single-threaded', months: 12 }])).toBe(
      'At risk. No active owner on our side. Only one person there has been in touch in the last 12 months',
    );
  });
});
