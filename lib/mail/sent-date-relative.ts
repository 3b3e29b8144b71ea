/**
 * "2 hours ago", "5 дней назад", "3 hari yang lalu", "acum o oră": the relative forms the mail
 * sites write for recent messages, in the five UI languages, for lib/mail/sent-date.ts. Text
 * arrives folded (lower case, no diacritics, one space between words).
 */

type Unit = 'minute' | 'hour' | 'day' | 'week';

const MINUTE = 60_000;
const LENGTH: Record<Unit, number> = { minute: MINUTE, hour: 60 * MINUTE, day: 24 * 60 * MINUTE, week: 7 * 24 * 60 * MINUTE };

// Each language's pattern and unit words (folded: Russian "дней" is "днеи", Romanian "oră" is "ora").
// A count of `undefined` is one ("час назад"); id/ms write one as a "se" prefix ("sejam").
const FORMS: readonly { pattern: RegExp; count: Record<string, number>; units: Record<string, Unit> }[] = [
  {
    pattern: /^(\d+|an?|one) (\p{L}+) ago$/u,
    count: { a: 1, an: 1, one: 1 },
    units: { minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute', hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour', day: 'day', days: 'day', week: 'week', weeks: 'week' },
  },
  {
    pattern: /^(?:(\d+) )?(\p{L}+) назад$/u,
    count: {},
    units: {
      минуту: 'minute', минуты: 'minute', минут: 'minute', мин: 'minute', час: 'hour', часа: 'hour', часов: 'hour',
      день: 'day', дня: 'day', днеи: 'day', неделю: 'week', недели: 'week', недель: 'week',
    },
  },
  {
    pattern: /^(\d+ |se)(\p{L}+) (?:yang )?lalu$/u,
    count: { se: 1 },
    units: { menit: 'minute', minit: 'minute', jam: 'hour', hari: 'day', minggu: 'week' },
  },
  {
    pattern: /^acum (\d+|un|o) (?:de )?(\p{L}+)$/u,
    count: { un: 1, o: 1 },
    units: { minut: 'minute', minute: 'minute', ora: 'hour', ore: 'hour', zi: 'day', zile: 'day', saptamana: 'week', saptamani: 'week' },
  },
];

// Beyond a year of weeks, the page writes a date instead.
const MAX_COUNT = 60 * 24 * 366;

/**
 * The moment a relative form allows at the earliest, or undefined when `text` is not one. The page
 * rounds down ("2 days ago" is anything from two to three days ago), so this answers one unit more
 * than it says: a date that is too early can only make a silence look longer, never hide one.
 */
export function relativeSentDate(text: string, now: Date): Date | null | undefined {
  for (const { pattern, count, units } of FORMS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [, said, word = ''] = match;
    const unit = Object.hasOwn(units, word) ? units[word] : undefined;
    const trimmed = said?.trim();
    const n = trimmed === undefined ? 1 : /^\d+$/.test(trimmed) ? Number(trimmed) : Object.hasOwn(count, trimmed) ? count[trimmed] : undefined;
    if (unit === undefined || n === undefined || n > MAX_COUNT) return null;
    const at = now.getTime() - (n + 1) * LENGTH[unit];
    return new Date(Math.floor(at / MINUTE) * MINUTE);
  }
  return undefined;
}
