import { DAY_FIRST, FILLERS, fold, meaningsOf, type Lang, type WordMeaning } from './sent-date-words';
import { relativeSentDate } from './sent-date-relative';
import { addDays, dayOf, instantAt, isRealDay, weekdayOf, type Day } from './wall-clock';

/**
 * When a message was sent, read from the words Gmail and Outlook on the web write for it, in
 * English, Russian, Indonesian, Malay or Romanian: Gmail's date title ("Tue, Nov 4, 2025, 3:12 PM",
 * "вт, 4 нояб. 2025 г., 15:12") and short text ("3:12 PM", "4 нояб.", "10/11/2024", "2 days ago"),
 * Outlook's header ("Sel 04/11/2025 15.12", "Yesterday 3:12 PM", "Вчера", "Tue 3:12 PM").
 *
 * It never guesses: text that is not a date, or a date it cannot settle (11/4/2025 with no clue to
 * which number is the month), answers null. The clues, in order: a number that cannot be a month,
 * the weekday the page wrote beside the date, the language's order (ru, id, ms, ro and dotted dates
 * write the day first), then the one reading that is not in the future. A date without a year is
 * the latest such day not in the future; a weekday alone, the latest such day of the past week.
 * Without a time of day it is the day's first minute, and a relative form ("2 hours ago") its
 * earliest moment: a sent date too early can make a silence look longer, never hide one.
 */
export interface SentDateOptions {
  /** The present, for "today", relative forms, dates without a year and the future check. */
  now: Date;
  /** The IANA zone the page writes its dates in; the browser's own when left out. */
  timeZone?: string;
}

/** The minute the text says the message was sent, or null. Never throws. */
export function parseSentDate(text: string, options: SentDateOptions): Date | null {
  if (typeof text !== 'string' || text.length > MAX_TEXT) return null;
  try {
    return parseFolded(normalise(text), options);
  } catch {
    return null; // an unknown time zone
  }
}

/** The first of the page's date texts (most precise first) that parses, or null. */
export function firstSentDate(texts: readonly string[], options: SentDateOptions): Date | null {
  for (const text of texts) {
    const at = parseSentDate(text, options);
    if (at) return at;
  }
  return null;
}

const MAX_TEXT = 200;
// A clock a few minutes behind the mail server still reads a just-arrived message as sent.
const FUTURE_SLACK_MS = 5 * 60_000;
const MIN_YEAR = 1970;

function normalise(text: string): string {
  // Intl and the sites write U+202F and U+00A0 between parts, and Outlook direction marks.
  return fold(text.replace(/[\u200b-\u200f\u2066-\u2069]/g, '')).replace(/\s+/g, ' ').trim();
}

function parseFolded(text: string, options: SentDateOptions): Date | null {
  // Gmail: "Nov 4, 2025, 3:12 PM (2 days ago)": the absolute part is the precise one.
  const aside = /^(.*?) ?\(([^()]*)\)$/.exec(text);
  if (aside) {
    const [, outside = '', inside = ''] = aside;
    const relative = relativeSentDate(inside.trim(), options.now);
    if (!relative) return null;
    return outside === '' ? relative : absolute(outside, options);
  }
  const relative = relativeSentDate(text, options.now);
  return relative === undefined ? absolute(text, options) : relative;
}

interface Time {
  hour: number;
  minute: number;
  langs: readonly Lang[] | null;
}

// "15:12", "15.12" (Indonesian), "3:12 pm", "3:12 p.m.", "3:12 ptg", "9.05 pagi", seconds ignored.
const TIME = /(?<![\d.])(\d{1,2})([:.])(\d{2})(?:\2(\d{2}))?(?!\d)(?: ?(am|pm|a\.m\.|p\.m\.|ptg|pg|pagi|siang|petang|sore|malam|tengah hari)(?!\p{L}))?/u;
// "11/4/2025", "04.11.2025", "4/11/25", "2025-11-04".
const FIGURES = /(?<![\d./-])(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})(?![\d/-])/;

/** What a day period does to a 12-hour clock's hour, and which languages write it. */
const PERIODS: Record<string, { hour: (h: number) => number | null; langs: readonly Lang[] | null }> = {
  am: { hour: (h) => h % 12, langs: null },
  pm: { hour: (h) => h % 12 + 12, langs: null },
  'a.m.': { hour: (h) => h % 12, langs: ['en', 'ro'] },
  'p.m.': { hour: (h) => h % 12 + 12, langs: ['en', 'ro'] },
  pg: { hour: (h) => h % 12, langs: ['ms'] },
  ptg: { hour: (h) => h % 12 + 12, langs: ['ms'] },
  pagi: { hour: (h) => h % 12, langs: ['id', 'ms'] },
  'tengah hari': { hour: (h) => (h === 12 ? 12 : h <= 2 ? h + 12 : null), langs: ['ms'] },
  siang: { hour: (h) => (h >= 10 && h <= 12 ? h : h <= 3 ? h + 12 : null), langs: ['id'] },
  petang: { hour: (h) => h % 12 + 12, langs: ['ms'] },
  sore: { hour: (h) => h % 12 + 12, langs: ['id'] },
  // "12 malam" is midnight; the evening runs from six.
  malam: { hour: (h) => (h === 12 ? 0 : h >= 6 ? h + 12 : null), langs: ['id', 'ms'] },
};

function readTime(match: RegExpExecArray): Time | null {
  const [, h = '', sep, m = '', s = '0', said] = match;
  const [hour, minute] = [Number(h), Number(m)];
  if (minute > 59 || Number(s) > 59) return null;
  // Of our languages only Indonesian writes "15.12".
  const dotted: readonly Lang[] | null = sep === '.' ? ['id'] : null;
  if (said === undefined) return hour <= 23 ? { hour, minute, langs: dotted } : null;
  const period = Object.hasOwn(PERIODS, said) ? PERIODS[said] : undefined;
  const hour24 = period && hour >= 1 && hour <= 12 ? period.hour(hour) : null;
  return period && hour24 !== null ? { hour: hour24, minute, langs: common(dotted, period.langs) } : null;
}

/** The parts of an absolute date, and which languages could have written it. */
interface Parts {
  time: Time | null;
  figures: { a: number; b: number; c: number; yearFirst: boolean; dots: boolean; twoDigitYear: boolean } | null;
  numbers: number[];
  years: number[];
  words: WordMeaning[][];
}

function split(text: string): Parts | null {
  const parts: Parts = { time: null, figures: null, numbers: [], years: [], words: [] };
  let rest = text;
  const figures = FIGURES.exec(rest);
  if (figures) {
    const [whole, a = '', sep, b = '', c = ''] = figures;
    parts.figures = { a: Number(a), b: Number(b), c: Number(c), yearFirst: a.length > 2, dots: sep === '.', twoDigitYear: a.length <= 2 && c.length === 2 };
    if (a.length === 3 || c.length === 3 || (a.length > 2 && c.length > 2)) return null;
    rest = rest.replace(whole, ' ');
  }
  const time = TIME.exec(rest);
  if (time) {
    parts.time = readTime(time);
    if (!parts.time) return null;
    rest = rest.replace(time[0], ' ');
  }
  for (const raw of rest.replace(/\bhari ini\b/g, 'hari-ini').split(/[\s,]+/)) {
    const token = raw.replace(/\.+$/, '');
    if (token === '' || FILLERS.has(token)) continue;
    if (/^\d{4}$/.test(token)) parts.years.push(Number(token));
    else if (/^\d{1,2}$/.test(token)) parts.numbers.push(Number(token));
    else {
      const meanings = /^[\p{L}-]+$/u.test(token) ? meaningsOf(token) : [];
      if (meanings.length === 0) return null;
      parts.words.push(meanings);
    }
  }
  return parts;
}

/** The languages in both sets; null stands for any language. */
function common(a: readonly Lang[] | null, b: readonly Lang[] | null): readonly Lang[] | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.filter((lang) => b.includes(lang));
}

// Past this many readings of the words (each "mar." doubles them), the text is not a date of ours.
const MAX_READINGS = 64;

/** Every reading of the words, one meaning per word; the answer only when all readings agree. */
function absolute(text: string, options: SentDateOptions): Date | null {
  const parts = split(text);
  if (!parts) return null;
  let readings: WordMeaning[][] = [[]];
  for (const meanings of parts.words) {
    readings = readings.flatMap((reading) => meanings.map((m) => [...reading, m]));
    if (readings.length > MAX_READINGS) return null;
  }
  const answers = new Set<number>();
  for (const reading of readings) {
    const at = settle(parts, reading, options);
    if (at) answers.add(at.getTime());
  }
  const [only] = answers;
  return answers.size === 1 && only !== undefined ? new Date(only) : null;
}

/** The moment one reading of the words gives, or null when it is not a date or not a settled one. */
function settle(parts: Parts, words: readonly WordMeaning[], { now, timeZone }: SentDateOptions): Date | null {
  const one = (kind: WordMeaning['kind']) => {
    const found = words.filter((w) => w.kind === kind);
    return found.length > 1 ? null : found[0]?.value;
  };
  const [month, weekday, back] = [one('month'), one('weekday'), one('day')];
  if (month === null || weekday === null || back === null) return null;
  // One language must have written every word (no "Tue, 4 нояб.").
  let langs = parts.time?.langs ?? null;
  for (const w of words) langs = common(langs, w.langs);
  if (langs?.length === 0) return null;

  const { figures, numbers, years, time } = parts;
  const latest = now.getTime() + FUTURE_SLACK_MS;
  const at = (day: Day) => instantAt(day, time?.hour ?? 0, time?.minute ?? 0, timeZone);
  const fits = (day: Day) => isRealDay(day) && day.year >= MIN_YEAR && (weekday === undefined || weekdayOf(day) === weekday);
  const past = (day: Day) => fits(day) && at(day).getTime() <= latest;
  const today = dayOf(now, timeZone);

  let days: Day[];
  if (figures) {
    if (month !== undefined || back !== undefined || numbers.length > 0 || years.length > 0) return null;
    const dayFirst = figures.dots || (langs !== null && langs.every((l) => DAY_FIRST.has(l)));
    days = figureDays(figures, dayFirst).filter(fits);
  } else if (month !== undefined) {
    const [day, extra] = numbers;
    if (day === undefined || extra !== undefined || back !== undefined || years.length > 1) return null;
    const [year] = years;
    // Without a year: the latest such day not in the future (29 February may be years back).
    days = year !== undefined ? [{ year, month: month + 1, day }]
      : Array.from({ length: 9 }, (_, i) => ({ year: today.year - i, month: month + 1, day })).filter(past).slice(0, 1);
  } else {
    if (numbers.length > 0 || years.length > 0) return null;
    if (back !== undefined) days = [addDays(today, -back)];
    else if (weekday !== undefined) days = Array.from({ length: 8 }, (_, i) => addDays(today, -i)).filter(past).slice(0, 1);
    else if (time) days = [today];
    else return null;
  }
  const found = days.filter(past);
  return found.length === 1 && found[0] ? at(found[0]) : null;
}

/** The days a date in figures can be: year first, or the day and month either way round. */
function figureDays(f: NonNullable<Parts['figures']>, dayFirst: boolean): Day[] {
  if (f.yearFirst) return [{ year: f.a, month: f.b, day: f.c }];
  const year = f.twoDigitYear ? 2000 + f.c : f.c;
  const dmy = { year, month: f.b, day: f.a };
  if (dayFirst) return [dmy];
  return f.a === f.b ? [dmy] : [dmy, { year, month: f.a, day: f.b }];
}
