import { dateFormat } from '../intl-cache';

/** Interactions of one calendar day, newest first as they came. */
export interface DayGroup<T> {
  /** `YYYY-MM-DD` in the viewer's time zone. */
  day: string;
  items: T[];
}

/** The calendar day (`YYYY-MM-DD`) of an instant in `timeZone` (the viewer's when omitted). */
export function localDay(instant: string | number, timeZone?: string): string {
  if (timeZone === undefined) {
    // The viewer's zone is the one Date's local getters use: no formatter needed.
    const d = new Date(instant);
    if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
    return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  const parts = dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Groups items by the day they happened on, keeping their order (the timeline is newest first).
 * Items of one day that arrive apart (a later page repeating a day) join that day's group.
 */
export function groupByDay<T extends { occurredAt: string }>(items: readonly T[], timeZone?: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  const byDay = new Map<string, DayGroup<T>>();
  for (const item of items) {
    const day = localDay(item.occurredAt, timeZone);
    let group = byDay.get(day);
    if (!group) {
      group = { day, items: [] };
      byDay.set(day, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}

/** Whole calendar days from `day` to `today` (both `YYYY-MM-DD`): 0 today, 1 yesterday. */
export function daysBetween(day: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}
