/**
 * Calendar dates and wall-clock times in a time zone (the browser's own when none is named), for
 * lib/mail/sent-date.ts: the mail sites write local dates, and "today" is today where the user is.
 */

/** A calendar day; `month` 1–12. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** The calendar day and weekday (0 Sunday) of an instant in `timeZone`. */
export function dayOf(instant: Date, timeZone?: string): Day & { weekday: number } {
  if (timeZone === undefined) {
    return { year: instant.getFullYear(), month: instant.getMonth() + 1, day: instant.getDate(), weekday: instant.getDay() };
  }
  const wall = wallOf(instant.getTime(), timeZone);
  const date = new Date(wall);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

/** The day `days` after `from` (negative: before). */
export function addDays(from: Day, days: number): Day {
  const date = new Date(Date.UTC(from.year, from.month - 1, from.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Whether the day exists (no 31 November, 29 February only in leap years). */
export function isRealDay({ year, month, day }: Day): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function weekdayOf({ year, month, day }: Day): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * The instant at which clocks in `timeZone` show this day and time. In the hour clocks repeat
 * when they go back, the first of the two (the earlier answer is the safe one for a sent date);
 * in the hour they skip, the instant an hour later, as a browser's `new Date(y, m, d, h, min)`.
 */
export function instantAt(day: Day, hour: number, minute: number, timeZone?: string): Date {
  if (timeZone === undefined) return new Date(day.year, day.month - 1, day.day, hour, minute);
  const asUtc = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  // The zone's offsets a day either side: a change of offset is never closer to another one.
  const [before, after] = [asUtc - DAY_MS, asUtc + DAY_MS].map((t) => asUtc - (wallOf(t, timeZone) - t));
  const shown = [before, after].filter((t): t is number => t !== undefined && wallOf(t, timeZone) === asUtc);
  return new Date(shown.length > 0 ? Math.min(...shown) : (before ?? asUtc));
}

const DAY_MS = 24 * 3600_000;

const formats = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall clock at `time`, written as if it were UTC (milliseconds since the epoch). */
function wallOf(time: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(time)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (time % 1000 + 1000) % 1000;
}
