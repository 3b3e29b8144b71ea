import { churn, type ChurnPhase } from '../browser/churn';
import type { MailSession } from '../browser/session';
import { traceWhile } from '../cdp/trace';
import { mean, percentile, round } from '../report/stats';
import { stepCosts, type StepCost } from './observer-trace';

export interface PhaseCost {
  batches: number;
  meanMs: number;
  p95Ms: number;
  meanCpuMs: number;
  calls: number;
}

export interface ObserverRun {
  byPhase: Record<ChurnPhase, PhaseCost>;
  /** Over the batches that touch watched containers (rows and cells). */
  meanMs: number;
  p95Ms: number;
  /** Content-script work while only unrelated panes changed. */
  unrelatedWork: { batches: number; calls: number; totalMs: number; meanMs: number };
}

const PHASES: ChurnPhase[] = ['rows', 'cells', 'unrelated'];

function summarise(costs: readonly StepCost[]): PhaseCost {
  const ms = costs.map((c) => c.ms);
  return {
    batches: costs.length,
    meanMs: round(mean(ms), 3),
    p95Ms: round(percentile(ms, 95), 3),
    meanCpuMs: round(mean(costs.map((c) => c.cpuMs)), 3),
    calls: costs.reduce((sum, c) => sum + c.calls, 0),
  };
}

/** Churns the inbox (100 rows with their badges) under a CDP trace and costs each mutation batch. */
export async function measureObserver(session: MailSession, steps: number): Promise<ObserverRun> {
  const events = await traceWhile(session.cdp, () => churn(session.page, PHASES, steps));
  const costs = stepCosts(events, session.contentScriptUrl);
  const of = (phase: ChurnPhase) => costs.filter((c) => c.phase === phase);
  const watched = [...of('rows'), ...of('cells')].map((c) => c.ms);
  const unrelated = of('unrelated');
  return {
    byPhase: { rows: summarise(of('rows')), cells: summarise(of('cells')), unrelated: summarise(unrelated) },
    meanMs: round(mean(watched), 3),
    p95Ms: round(percentile(watched, 95), 3),
    unrelatedWork: {
      batches: unrelated.length,
      calls: unrelated.reduce((sum, c) => sum + c.calls, 0),
      totalMs: round(unrelated.reduce((sum, c) => sum + c.ms, 0), 3),
      meanMs: round(mean(unrelated.map((c) => c.ms)), 3),
    },
  };
}
