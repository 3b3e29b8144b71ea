/**
 * The longest wait a CRM's `Retry-After` is followed for: a server that asks for a day (or whose
 * clock is wrong) must not park the outbox that long; the outbox's own backoff goes no further.
 */
export const RETRY_AFTER_CAP_MS = 60 * 60_000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const M = MONTHS.join('|');
// The three forms of an HTTP date (RFC 9110 §5.6.7), which a recipient must all accept. Checked
// before any parsing: Date.parse accepts almost anything ("1" is the year 2001).
const IMF_FIXDATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) (${M}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`);
const RFC_850 = new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-(${M})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`);
const ASCTIME = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (${M}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`);

function utc(year: number, month: string, day: number, h: number, m: number, s: number): number | null {
  if (day < 1 || day > 31 || h > 23 || m > 59 || s > 60) return null;
  return Date.UTC(year, MONTHS.indexOf(month), day, h, m, Math.min(s, 59));
}

/** An HTTP date as epoch ms, or null when the text is none of its three forms; `now` places a two-digit year. */
export function parseHttpDate(text: string, now: number): number | null {
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    const [, day, month, year, h, m, s] = match as unknown as [string, string, string, string, string, string, string];
    return utc(Number(year), month, Number(day), Number(h), Number(m), Number(s));
  }
  match = RFC_850.exec(text);
  if (match) {
    const [, day, month, yy, h, m, s] = match as unknown as [string, string, string, string, string, string, string];
    // A two-digit year is read as the nearest one that is not more than 50 years ahead (RFC 9110).
    const thisYear = new Date(now).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(yy);
    if (year > thisYear + 50) year -= 100;
    return utc(year, month, Number(day), Number(h), Number(m), Number(s));
  }
  match = ASCTIME.exec(text);
  if (match) {
    const [, month, day, h, m, s, year] = match as unknown as [string, string, string, string, string, string, string];
    return utc(Number(year), month, Number(day.trim()), Number(h), Number(m), Number(s));
  }
  return null;
}

/**
 * When a `Retry-After` header says to come back, as epoch ms: whole seconds from `now`, or an
 * HTTP date; never before `now` (a date gone by means "now") and never more than
 * RETRY_AFTER_CAP_MS after it. Null when the header is absent or in neither form, which is then
 * treated as if the server had said nothing.
 */
export function retryAtFrom(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  let at: number | null;
  if (/^\d{1,12}$/.test(value)) at = now + Number(value) * 1000;
  else if (/^\d+$/.test(value)) at = Infinity;
  else at = parseHttpDate(value, now);
  if (at === null || Number.isNaN(at)) return null;
  return Math.min(Math.max(at, now), now + RETRY_AFTER_CAP_MS);
}
