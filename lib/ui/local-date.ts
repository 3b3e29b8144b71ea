import { dateFormat } from '../intl-cache';

/** The parts of a written date, in the order a language writes them. */
export type DatePart = 'day' | 'month' | 'year';

const YMD: readonly DatePart[] = ['year', 'month', 'day'];
/** A sample whose day and month cannot be mistaken for each other (31 > 12). */
const SAMPLE = '2026-12-31';
// Built once per language and kept (building one cost about 2 ms a sidebar render, with a date
// field on the first screen).
const numeric = (language: string) => dateFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

/** How `language` writes a date in figures, as Intl says: `ru` → day, month, year with '.'. */
export function dateShape(language: string): { order: DatePart[]; separator: string } {
  const parts = numeric(language).formatToParts(Date.parse(SAMPLE));
  return { order: parts.filter((p) => p.type !== 'literal').map((p) => p.type as DatePart), separator: parts[1]?.value ?? '/' };
}

/** A `YYYY-MM-DD` day as `language` writes it in figures (`31.12.2026`). */
export const formatLocalDate = (iso: string, language: string): string =>
  numeric(language).format(Date.parse(iso));

/** The date hints and errors show (`31.12.2026`): its day and month cannot be mistaken for each other. */
export const dateExample = (language: string): string => formatLocalDate(SAMPLE, language);

/** The pattern in the user's letters (`ДД.ММ.ГГГГ`) from theirs for day, month and year, in that order, space-separated. */
export function datePattern(language: string, letters: string): string {
  const { order, separator } = dateShape(language);
  const [day, month, year] = letters.split(' ');
  return order.map((part) => ({ day, month, year })[part]).join(separator);
}

/**
 * A typed date as `YYYY-MM-DD`, or null when it is not a real day. Takes the language's order with
 * a 1- or 2-digit day and month and a 4-digit year, separated by the language's separator, `-`,
 * `/`, `.` or spaces; an ISO `YYYY-MM-DD` is taken too.
 */
export function parseLocalDate(text: string, language: string): string | null {
  const { order, separator } = dateShape(language);
  const typed = text.trim().split(separator).join('/').replace(/\s*[-/.]\s*|\s+/g, '/');
  if (!/^\d{1,4}\/\d{1,4}\/\d{1,4}$/.test(typed)) return null;
  const fields = typed.split('/');
  const [year, month, day] = YMD.map((part) => fields[(fields[0]?.length === 4 ? YMD : order).indexOf(part)] as string);
  const iso = new Date(Date.UTC(+year!, +month! - 1, +day!)).toISOString().slice(0, 10);
  // Also refuses a 2-digit year, a 3-digit day or month, and days that do not exist (31.02).
  return iso === `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}` ? iso : null;
}
