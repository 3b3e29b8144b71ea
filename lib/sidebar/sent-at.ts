import { firstSentDate } from '../mail/sent-date';

// Loaded on demand (use-sent-at.ts): the reader of five languages' date words is not part of the
// sidebar's first load, nor of the content script, which passes the page's texts as they are.

/**
 * When the open message was sent, from the page's own date texts (most precise first): the first
 * that reads as a minute, as ISO with the browser's offset ("2025-11-04T15:12:00+07:00", the
 * minute as the page showed it), or null when none does.
 */
export function sentAtOf(texts: readonly string[], now: Date): string | null {
  const at = firstSentDate(texts, { now });
  return at ? localIso(at) : null;
}

function localIso(at: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:00`
    + `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
