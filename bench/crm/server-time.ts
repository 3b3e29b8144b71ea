import { round } from '../report/stats';
import type { BenchCrm } from './start-crm';

/** Server handler time per route spent between two `busy()` readings, divided by `per` (ms). */
export function busyBetween(before: Record<string, number>, after: Record<string, number>, per: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [route, ms] of Object.entries(after)) {
    if (route.endsWith(' #')) continue;
    const spent = ms - (before[route] ?? 0);
    if (spent > 0) out[route] = round(spent / Math.max(1, per));
  }
  return out;
}

/** Runs `work` and returns its result with the server time it caused per route, divided by `per`. */
export async function withServerTime<T>(crm: BenchCrm, per: number, work: () => Promise<T>): Promise<{ result: T; serverMs: Record<string, number> }> {
  const before = await crm.busy();
  const result = await work();
  return { result, serverMs: busyBetween(before, await crm.busy(), per) };
}
