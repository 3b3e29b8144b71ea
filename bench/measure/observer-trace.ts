import type { TraceEvent } from '../cdp/trace';

/** The content script's main-thread time during one churn step (one mutation batch). */
export interface StepCost {
  phase: string;
  step: number;
  /** Wall time inside the content script's own function calls, in ms. */
  ms: number;
  /** Thread (CPU) time of the same calls, in ms: what is left when the machine is busy elsewhere. */
  cpuMs: number;
  calls: number;
}

/**
 * Splits a trace at the churn's `bench:<phase>:<step>` marks and sums, per step, the top-level
 * `FunctionCall` events whose script is the content script (its MutationObserver callbacks,
 * animation-frame callbacks, event listeners). Calls nested in another of its calls count once.
 */
export function stepCosts(events: readonly TraceEvent[], scriptUrl: string): StepCost[] {
  const marks = events
    .filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('bench:'))
    .sort((a, b) => a.ts - b.ts);
  const calls = events
    .filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && e.args?.data?.url === scriptUrl)
    .sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  let openUntil = Number.NEGATIVE_INFINITY;
  for (const call of calls) {
    if (call.ts < openUntil) continue;
    top.push(call);
    openUntil = call.ts + (call.dur ?? 0);
  }
  const out: StepCost[] = [];
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i] as TraceEvent;
    const [, phase = '', step = ''] = mark.name.split(':');
    if (phase === 'end') continue;
    const end = marks[i + 1]?.ts ?? Number.POSITIVE_INFINITY;
    const inside = top.filter((c) => c.ts >= mark.ts && c.ts < end);
    out.push({
      phase,
      step: Number(step),
      ms: inside.reduce((sum, c) => sum + (c.dur ?? 0), 0) / 1000,
      cpuMs: inside.reduce((sum, c) => sum + ((c as { tdur?: number }).tdur ?? c.dur ?? 0), 0) / 1000,
      calls: inside.length,
    });
  }
  return out;
}
