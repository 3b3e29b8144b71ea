export const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (epoch ms), rounded down; never negative. */
export function daysBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / DAY_MS));
}

/** Whole days a `YYYY-MM-DD` due date lies before the UTC day of `now`; 0 when not yet due. */
export function daysOverdue(dueDate: string, now: number): number {
  const due = Date.parse(`${dueDate}T00:00:00.000Z`);
  if (Number.isNaN(due)) return 0;
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return Math.max(0, Math.round((today - due) / DAY_MS));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
