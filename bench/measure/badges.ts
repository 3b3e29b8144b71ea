import type { BenchCrm } from '../crm/start-crm';
import { askCrm, lookupCount } from '../crm/ask-crm';
import { withServerTime } from '../crm/server-time';
import { round } from '../report/stats';
import { insertRowsAndAwaitBadges } from '../browser/page-actions';
import type { MailSession } from '../browser/session';
import { inboxRows, inboxSenders } from '../pages/gmail-pages';
import { inboxRuns } from '../data/clients';

export interface BadgeRun {
  /** ms from 100 fresh rows (senders nothing has cached) going in to the last badge placed. */
  cold: number[];
  /** ms from the same rows re-rendered (fresh elements, answers cached) to the last badge placed. */
  warm: number[];
  /** POST /v1/lookup per cold run and in all warm runs, as the CRM counted them. */
  requestsCold: number[];
  requestsWarm: number;
  /** Badges expected (and seen) per run: rows whose sender's client is to watch or at risk. */
  expected: number[];
  /** CRM handler time per cold run, by route (ms). */
  serverMsPerColdRun: Record<string, number>;
}

/**
 * Each run fills the list with 100 rows from 60 senders that were never looked up (each run
 * has its own contacts), then re-renders the same rows `warmPerRun` times as Gmail does on
 * refresh. The badge count to wait for is what the CRM itself says about those senders.
 */
export async function measureBadges(session: MailSession, crm: BenchCrm, opts: { runs: number; warmPerRun: number }): Promise<BadgeRun> {
  const runs = Math.min(opts.runs, inboxRuns);
  const plans = [];
  for (let run = 0; run < runs; run++) {
    const senders = inboxSenders(run);
    const facts = await askCrm(crm, senders);
    const expected = senders.filter((s) => { const level = facts.get(s)?.level; return level === 'watch' || level === 'at-risk'; }).length;
    plans.push({ senders, expected, rows: inboxRows(run) });
  }
  const out: BadgeRun = { cold: [], warm: [], requestsCold: [], requestsWarm: 0, expected: [], serverMsPerColdRun: {} };
  const coldBusy: Record<string, number>[] = [];
  for (const plan of plans) {
    // From a quiet CRM, as for cold thread opens.
    await crm.quiet();
    const before = await lookupCount(crm);
    const { result: cold, serverMs } = await withServerTime(crm, 1, () => insertRowsAndAwaitBadges(session.page, plan.rows, plan.senders, plan.expected));
    coldBusy.push(serverMs);
    out.cold.push(cold.t1 - cold.t0);
    const afterCold = await lookupCount(crm);
    out.requestsCold.push(afterCold - before);
    out.expected.push(plan.expected);
    for (let k = 0; k < opts.warmPerRun; k++) {
      const warm = await insertRowsAndAwaitBadges(session.page, plan.rows, plan.senders, plan.expected);
      out.warm.push(warm.t1 - warm.t0);
    }
    out.requestsWarm += (await lookupCount(crm)) - afterCold;
  }
  for (const route of new Set(coldBusy.flatMap((b) => Object.keys(b)))) {
    out.serverMsPerColdRun[route] = round(coldBusy.reduce((sum, b) => sum + (b[route] ?? 0), 0) / Math.max(1, coldBusy.length));
  }
  return out;
}
