import { t, tn } from '../i18n';
import { daysBetween, localDay } from './day-groups';
import { dateFormat } from '../intl-cache';

/** Whole days since an instant, in the viewer's calendar: 0 today, 1 yesterday. */
export function daysSince(instant: string, now: number, timeZone?: string): number {
  return Math.max(0, daysBetween(localDay(instant, timeZone), localDay(now, timeZone)));
}

/** "today", "yesterday", "41 days ago", or "no contact on record". */
export function describeLastContact(lastContactAt: string | null, now: number, timeZone?: string): string {
  if (lastContactAt === null) return t('sidebar_last_contact_never');
  const days = daysSince(lastContactAt, now, timeZone);
  if (days === 0) return t('sidebar_today');
  if (days === 1) return t('sidebar_yesterday');
  return tn('sidebar_n_days_ago', days);
}

/** "usually every 14 days", or null when no rhythm was agreed. */
export function describeRhythm(cadenceDays: number | null): string | null {
  return cadenceDays === null ? null : tn('sidebar_rhythm', cadenceDays);
}

/** Silent for longer than the agreed rhythm: the header says so in words, not only in colour. */
export function isPastRhythm(lastContactAt: string | null, cadenceDays: number | null, now: number, timeZone?: string): boolean {
  if (cadenceDays === null || lastContactAt === null) return false;
  return daysSince(lastContactAt, now, timeZone) > cadenceDays;
}

/** A day heading: "Today", "Yesterday", or the date in the UI's language. */
export function describeDay(day: string, today: string, locale: string): string {
  const diff = daysBetween(day, today);
  if (diff === 0) return t('sidebar_day_today');
  if (diff === 1) return t('sidebar_day_yesterday');
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return dateFormat(locale, {
    timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }),
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A due date in the UI's language ("12 Dec"), with the year when it is not this year's. */
export function describeDueDate(day: string, today: string, locale: string): string {
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return dateFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) })
    .format(new Date(`${day}T00:00:00Z`));
}
