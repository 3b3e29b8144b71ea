import { describe, expect, it } from 'vitest';
import { RiskSettings } from '../../lib/api';
import { assessRisk } from '../../lib/risk';
import { parseBundle } from '../bundle';
import { demoBundle } from '../seed';

/** Each demo account's level and reason codes, assessed straight from the bundle for `now`. */
function outcomes(now: Date): Record<string, string> {
  const bundle = parseBundle(demoBundle(now));
  const settings = RiskSettings.parse(bundle.riskSettings ?? {});
  const active = new Set(bundle.users.filter((u) => u.active).map((u) => u.email));
  const out: Record<string, string> = {};
  for (const a of bundle.accounts) {
    const risk = assessRisk({
      now: now.getTime(),
      cadenceDays: a.cadenceDays,
      hasActiveOwner: a.owner !== null && active.has(a.owner),
      interactions: bundle.interactions.filter((i) => i.account === a.ref).map((i) => ({
        kind: i.kind, direction: i.direction, occurredAt: Date.parse(i.occurredAt), contactIds: i.contacts, amount: i.amount, summary: i.summary,
      })),
      openCommitmentDueDates: bundle.commitments.filter((c) => c.account === a.ref && c.status === 'open').map((c) => c.dueDate),
    }, settings);
    out[a.ref] = `${risk.level}: ${risk.reasons.map((r) => r.code).sort().join(',')}`;
  }
  return out;
}

describe('demo data dates', () => {
  const reference = outcomes(new Date('2026-11-23T10:00:00.000Z'));

  it.each([
    '2026-01-01T00:30:00.000Z',
    '2027-06-15T23:59:00.000Z',
    '2028-02-29T12:00:00.000Z',
    '2031-03-30T03:15:00.000Z',
  ])('show the same signals when seeded at %s', (iso) => {
    expect(outcomes(new Date(iso))).toEqual(reference);
  });

  it('are the same for the same moment', () => {
    const now = new Date('2026-11-23T10:00:00.000Z');
    expect(demoBundle(now)).toEqual(demoBundle(now));
  });

  it('lie in the past, except due dates of open promises', () => {
    const now = new Date('2026-11-23T10:00:00.000Z');
    const bundle = parseBundle(demoBundle(now));
    const instants = [
      ...bundle.interactions.map((i) => i.occurredAt),
      ...bundle.commitments.flatMap((c) => [c.createdAt ?? '', c.completedAt ?? '']).filter((t) => t !== ''),
    ];
    for (const t of instants) expect(Date.parse(t)).toBeLessThan(now.getTime());
    for (const c of bundle.commitments) {
      if (c.completedAt !== null && c.createdAt !== undefined) expect(Date.parse(c.completedAt)).toBeGreaterThan(Date.parse(c.createdAt));
    }
  });
});
