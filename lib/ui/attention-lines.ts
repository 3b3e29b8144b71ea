import type { AttentionRhythm, RiskReason } from '../api';
import { isFreeMailDomain } from '../api/free-mail';
import { t, tn } from '../i18n';

/** Whole days from one UTC day to another ('2026-12-01' → '2026-12-04' is 3). */
export function daysFrom(fromIso: string, toIso: string): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((day(toIso) - day(fromIso)) / 86_400_000);
}

/** The viewer's calendar day (`YYYY-MM-DD`) at `ms`. */
export function localDayOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A commitment's due date in words, from the CRM's count of days past it (negative: still ahead). */
export function dueWords(daysOverdue: number): string {
  if (daysOverdue > 0) return t('today_overdue_by', tn('n_days', daysOverdue));
  return daysOverdue === 0 ? t('today_due_today') : t('today_due_in', tn('n_days', -daysOverdue));
}

/** An agreed rhythm in one phrase: how often, and when the next call is due as of the answer's `asOf`. */
export function rhythmWords(r: Pick<AttentionRhythm, 'cadenceDays' | 'dueAt'>, asOf: string): string {
  let when: string;
  if (r.dueAt === null) when = t('today_rhythm_never');
  else {
    const days = daysFrom(asOf, r.dueAt);
    when = days > 0 ? t('today_rhythm_call_due_in', tn('n_days', days))
      : days === 0 ? t('today_rhythm_call_today') : t('today_rhythm_call_overdue', tn('n_days', -days));
  }
  return t('today_rhythm_line', tn('n_days', r.cadenceDays), when);
}

/** The reasons of a risk in one line, in the words of the risk rules (lib/risk/describe.ts). */
export function reasonsLine(reasons: readonly RiskReason[], describe: (r: RiskReason) => string): string {
  return reasons.map(describe).join('; ');
}

/** The most terms a mail search gets: a long OR list finds no more and reads badly in the search box. */
export const MAIL_QUERY_TERMS = 8;

/**
 * What to search the mail for to find a client's messages: its own domains (a free-mail domain
 * would find everyone), then the addresses of its people not under one of them; joined with OR,
 * which both Gmail and Outlook read. Empty when there is nothing to search for.
 */
export function mailQueryFor(domains: readonly string[], emails: readonly string[]): string {
  const own = [...new Set(domains.map((d) => d.trim().toLowerCase()).filter((d) => d !== '' && !isFreeMailDomain(d)))];
  const covered = (email: string) => own.some((d) => email.endsWith(`@${d}`));
  const addresses = emails.map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@') && !covered(e));
  return [...new Set([...own, ...addresses])].slice(0, MAIL_QUERY_TERMS).join(' OR ');
}

/** A snooze date the CRM accepts and that moves the promise on: a real day, from `today` on. */
export function snoozeDateOk(value: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value && value >= today;
}

/** The day after `today` (UTC), the date a snooze offers first. */
export function nextDay(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
