import { describe, expect, it } from 'vitest';
import { firstSentDate, parseSentDate } from '../../../lib/mail/sent-date';

// Thursday 20 November 2025, 17:00 in Jakarta.
const NOW = new Date('2025-11-20T10:00:00Z');
const JAKARTA = { now: NOW, timeZone: 'Asia/Jakarta' };
/** Jakarta wall time (UTC+7, no daylight saving) as the instant's ISO text. */
const wib = (local: string) => new Date(`${local}:00+07:00`).toISOString();

const parse = (text: string, options = JAKARTA) => parseSentDate(text, options)?.toISOString() ?? null;

describe('parseSentDate: what Gmail and Outlook write, per language', () => {
  it.each([
    // English: Gmail's title (US and UK), its short texts, Outlook's header.
    ['Tue, Nov 4, 2025, 3:12 PM', '2025-11-04T15:12'],
    ['Tue, 4 Nov 2025, 15:12', '2025-11-04T15:12'],
    ['Tuesday, November 4, 2025 at 3:12 PM', '2025-11-04T15:12'],
    ['Sat, 20 Sept 2025, 21:40', '2025-09-20T21:40'],
    ['3:12 PM', '2025-11-20T15:12'],
    ['12:05 AM', '2025-11-20T00:05'],
    ['12:30 PM', '2025-11-20T12:30'],
    ['3:12 p.m.', '2025-11-20T15:12'],
    ['Nov 4', '2025-11-04T00:00'],
    ['Dec 25', '2024-12-25T00:00'],
    ['Tue 11/4/2025 3:12 PM', '2025-11-04T15:12'],
    ['Tue 04/11/2025 15:12', '2025-11-04T15:12'],
    ['Fri 4/11/2025 9:30 AM', '2025-04-11T09:30'],
    ['Mon 11/17/2025', '2025-11-17T00:00'],
    ['Today 3:12 PM', '2025-11-20T15:12'],
    ['Yesterday 11:58 PM', '2025-11-19T23:58'],
    ['Yesterday', '2025-11-19T00:00'],
    ['Tue 3:12 PM', '2025-11-18T15:12'],
    ['Thu 9:00 AM', '2025-11-20T09:00'],
    ['Thu 6:00 PM', '2025-11-13T18:00'],
    ['Nov 4, 2025, 3:12 PM (16 days ago)', '2025-11-04T15:12'],
    ['25/12/2024', '2024-12-25T00:00'],
    ['2025-11-04', '2025-11-04T00:00'],
    // Russian: abbreviations, the genitive, "г.", 24-hour clock, dotted figures.
    ['вт, 4 нояб. 2025 г., 15:12', '2025-11-04T15:12'],
    ['сб, 20 сент. 2025 г., 21:40', '2025-09-20T21:40'],
    ['вторник, 4 ноября 2025 г. в 15:12', '2025-11-04T15:12'],
    ['4 нояб.', '2025-11-04T00:00'],
    ['9 мая', '2025-05-09T00:00'],
    ['31 дек. 2024 г.', '2024-12-31T00:00'],
    ['Вт 04.11.2025 15:12', '2025-11-04T15:12'],
    ['04.11.2025', '2025-11-04T00:00'],
    ['10.11.2024', '2024-11-10T00:00'],
    ['Сегодня 9:05', '2025-11-20T09:05'],
    ['Вчера', '2025-11-19T00:00'],
    ['Вчера 23:10', '2025-11-19T23:10'],
    ['Ср 10:00', '2025-11-19T10:00'],
    // Indonesian: dotted time, "Agu", "Des", "Mei", "pukul", "Hari ini", "Kemarin".
    ['Sel, 4 Nov 2025 15.12', '2025-11-04T15:12'],
    ['Sab, 9 Agu 2025, 9.05', '2025-08-09T09:05'],
    ['Sabtu, 9 Agustus 2025 pukul 9.05', '2025-08-09T09:05'],
    ['Sel, 31 Des 2024, 8.00', '2024-12-31T08:00'],
    ['12 Mei', '2025-05-12T00:00'],
    ['Sel 04/11/2025 15.12', '2025-11-04T15:12'],
    ['Hari ini 15.12', '2025-11-20T15:12'],
    ['Kemarin', '2025-11-19T00:00'],
    ['Kemarin 7.30 malam', '2025-11-19T19:30'],
    ['3.12 PM', '2025-11-20T15:12'],
    ['Rabu 9.15 pagi', '2025-11-19T09:15'],
    ['1.30 siang', '2025-11-20T13:30'],
    ['4.10 sore', '2025-11-20T16:10'],
    // Malay: "Ogo", "Dis", "Mac", PG/PTG, pagi/petang/malam, "Semalam".
    ['Sab, 9 Ogo 2025, 9:05 PG', '2025-08-09T09:05'],
    ['Sel, 4 Nov 2025, 3:12 PTG', '2025-11-04T15:12'],
    ['Sabtu, 9 Ogos 2025 pada 9:05 PG', '2025-08-09T09:05'],
    ['Sel, 31 Dis 2024, 10:00 malam', '2024-12-31T22:00'],
    ['14 Mac', '2025-03-14T00:00'],
    ['Semalam 3:12 PTG', '2025-11-19T15:12'],
    ['Semalam', '2025-11-19T00:00'],
    ['Hari ini 8:00 pagi', '2025-11-20T08:00'],
    ['4:45 petang', '2025-11-20T16:45'],
    ['Isn 11:00 PG', '2025-11-17T11:00'],
    // Romanian: with and without diacritics, "sept.", "nov.", "a.m./p.m.", Astăzi/Azi/Ieri.
    ['mar., 4 nov. 2025, 15:12', '2025-11-04T15:12'],
    ['sâm., 20 sept. 2025, 21:40', '2025-09-20T21:40'],
    ['sam., 20 sept. 2025, 21:40', '2025-09-20T21:40'],
    ['marți, 4 noiembrie 2025 la 15:12', '2025-11-04T15:12'],
    ['marţi, 4 noiembrie 2025 la 15:12', '2025-11-04T15:12'],
    ['marti, 4 noiembrie 2025 la 15:12', '2025-11-04T15:12'],
    ['Mar 04.11.2025 15:12', '2025-11-04T15:12'],
    ['4 mar.', '2025-03-04T00:00'],
    ['1 mai', '2025-05-01T00:00'],
    ['Astăzi 15:12', '2025-11-20T15:12'],
    ['Azi 9:00', '2025-11-20T09:00'],
    ['Ieri', '2025-11-19T00:00'],
    ['3:12 p.m.', '2025-11-20T15:12'],
    ['Lun 9:05 a.m.', '2025-11-17T09:05'],
  ])('%s', (text, local) => {
    expect(parse(text)).toBe(wib(local));
  });
});

describe('parseSentDate: relative forms answer their earliest moment', () => {
  const back = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;
  it.each([
    ['2 days ago', 3 * DAY],
    ['(2 hours ago)', 3 * HOUR],
    ['an hour ago', 2 * HOUR],
    ['5 minutes ago', 6 * MIN],
    ['1 week ago', 2 * 7 * DAY],
    ['5 дней назад', 6 * DAY],
    ['2 часа назад', 3 * HOUR],
    ['час назад', 2 * HOUR],
    ['минуту назад', 2 * MIN],
    ['3 hari yang lalu', 4 * DAY],
    ['2 jam yang lalu', 3 * HOUR],
    ['10 menit yang lalu', 11 * MIN],
    ['2 hari lalu', 3 * DAY],
    ['10 minit yang lalu', 11 * MIN],
    ['sejam yang lalu', 2 * HOUR],
    ['acum 2 ore', 3 * HOUR],
    ['acum o oră', 2 * HOUR],
    ['acum o ora', 2 * HOUR],
    ['acum 3 zile', 4 * DAY],
    ['acum 25 de minute', 26 * MIN],
    ['acum un minut', 2 * MIN],
  ])('%s', (text, ago) => {
    expect(parse(text)).toBe(back(ago));
  });

  it('is never later than the real moment, so a 16-day-old email never reads as 14 days old', () => {
    const sent = new Date(NOW.getTime() - 16.5 * 24 * 3600_000);
    expect(parseSentDate('16 days ago', JAKARTA)!.getTime()).toBeLessThanOrEqual(sent.getTime());
  });
});

describe('parseSentDate: never guesses', () => {
  it.each([
    ['day and month could be either way round, both past, no clue', '10/11/2024'],
    ['the same in US English with no weekday', '11/4/2025'],
    ['Indonesian figures without a word to tell the language', '4/11/2025'],
    ['a weekday that matches neither reading', 'Wed 04/11/2025 15:12'],
    ['a weekday that does not match the date', 'Wed, Nov 4, 2025, 3:12 PM'],
    ['a date in the future', 'Dec 25, 2025'],
    ['today at a time still to come', 'Today 11:30 PM'],
    ['a time alone that is still to come', '11:30 PM'],
    ['a Russian date day-first that would be in the future', '25.12.2025'],
    ['no such day', '31 Nov 2025'],
    ['no such day in figures', '32/13/2025'],
    ['29 February in a common year', 'Feb 29, 2025'],
    ['an hour past 23', '25:00'],
    ['a 24-hour hour with PM', '13:12 PM'],
    ['minutes past 59', '3:60 PM'],
    ['two languages at once', 'Tue, 4 нояб. 2025, 15:12'],
    ['two months', 'Nov Dec 4'],
    ['two days', '4 5 Nov 2025'],
    ['two years', 'Nov 4, 2025 2024'],
    ['two times', '3:12 PM 4:12 PM'],
    ['a weekday and a day word', 'Yesterday Tue'],
    ['Malay evening before six', '3:00 malam'],
    ['before 1970', 'Jan 1, 1969'],
    ['a relative form with a unit of another language', '2 jam ago'],
    ['a relative form in the future', 'in 2 days'],
    ['an absolute part that is not a date beside a relative one', 'hello (2 hours ago)'],
    ['a parenthesis that is not a relative form', 'Nov 4, 2025 (draft)'],
  ])('%s: %s', (_, text) => {
    expect(parse(text)).toBeNull();
  });

  it.each([
    '', ' ', 'hello', 'Re: Nov 4 meeting', 'Meeting at 3:12 PM', 'Nov 4, 2025 <script>alert(1)</script>',
    '\u0000\u0001', '1e309', 'NaN', '-1', '0/0/0', '2025-13-01', '9999999999', '__proto__', 'constructor 3:12 PM',
    'hasOwnProperty', 'toString', '3:12 PM; DROP TABLE interactions', '1'.repeat(10_000), ':'.repeat(199),
    '1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1', 'mar mar mar mar mar mar mar', '\u202f\u00a0',
  ])('garbage: %j', (text) => {
    expect(parse(text)).toBeNull();
  });

  it('answers null rather than throwing for a time zone it does not know', () => {
    expect(parseSentDate('Nov 4, 2025', { now: NOW, timeZone: 'Mars/Olympus' })).toBeNull();
  });
});

describe('parseSentDate: dates without a year, and time zones', () => {
  it('takes the latest such day not in the future, years back for 29 February', () => {
    expect(parse('Feb 29')).toBe(wib('2024-02-29T00:00'));
    expect(parse('Nov 20')).toBe(wib('2025-11-20T00:00'));
    expect(parse('Nov 21')).toBe(wib('2024-11-21T00:00'));
  });

  it('reads the wall clock of the zone it is given, across a change of offset', () => {
    const now = new Date('2025-11-20T10:00:00Z');
    // 3:30 came twice that night (summer time ended at 4:00): the first of them.
    expect(parseSentDate('Sun, Oct 26, 2025, 3:30 AM', { now, timeZone: 'Europe/Bucharest' })?.toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(parseSentDate('Sun, Oct 26, 2025, 4:30 AM', { now, timeZone: 'Europe/Bucharest' })?.toISOString()).toBe('2025-10-26T02:30:00.000Z');
    expect(parseSentDate('Sat, Oct 25, 2025, 3:30 AM', { now, timeZone: 'Europe/Bucharest' })?.toISOString()).toBe('2025-10-25T00:30:00.000Z');
    expect(parseSentDate('Yesterday 9:00 PM', { now, timeZone: 'America/Los_Angeles' })?.toISOString()).toBe('2025-11-20T05:00:00.000Z');
  });

  it('uses the browser\'s own zone when none is named', () => {
    expect(parseSentDate('Tue, Nov 4, 2025, 3:12 PM', { now: NOW })?.getTime()).toBe(new Date(2025, 10, 4, 15, 12).getTime());
  });
});

describe('parseSentDate: what Intl.DateTimeFormat writes in each language, as these sites use it', () => {
  const ZONE = 'Europe/Bucharest';
  const now = new Date('2025-12-31T21:30:00Z');
  // Spread over the year and the clock: midnight, noon, single-digit days and hours, both offsets.
  const sent = [
    '2025-01-05T00:05:00Z', '2025-02-28T11:59:00Z', '2025-03-30T01:15:00Z', '2025-04-11T07:30:00Z', '2025-05-09T12:00:00Z',
    '2025-06-13T22:45:00Z', '2025-07-01T09:07:00Z', '2025-08-09T06:05:00Z', '2025-09-20T18:40:00Z', '2025-10-26T00:30:00Z',
    '2025-11-04T13:12:00Z', '2025-12-12T12:12:00Z', '2024-02-29T10:00:00Z', '2024-12-03T16:20:00Z',
  ].map((iso) => new Date(iso));
  const locales = ['en-US', 'en-GB', 'ru', 'id', 'ms', 'ro'];
  const TITLE: Intl.DateTimeFormatOptions = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  const LONG: Intl.DateTimeFormatOptions = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  const OUTLOOK: Intl.DateTimeFormatOptions = { weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  const cases = locales.flatMap((locale) =>
    [TITLE, LONG, OUTLOOK, { ...TITLE, hour12: true }, { ...TITLE, hour12: false }, { ...OUTLOOK, hour12: true }].flatMap((options) =>
      sent.map((at) => ({ locale, text: new Intl.DateTimeFormat(locale, { ...options, timeZone: ZONE }).format(at), at })),
    ),
  );

  const localDay = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: ZONE });
  /**
   * English figures with a weekday are settled by the weekday, unless the day and month read the
   * other way round fall on the same weekday too (Fri 5/9/2025 and Fri 9/5/2025): then no answer.
   */
  const eitherWay = (locale: string, text: string, at: Date) => {
    const [year, month, day] = localDay(at).split('-').map(Number) as [number, number, number];
    const weekday = (m: number, d: number) => new Date(Date.UTC(year, m - 1, d)).getUTCDay();
    return locale.startsWith('en') && /\d\/\d/.test(text) && day <= 12 && day !== month && weekday(day, month) === weekday(month, day);
  };

  it.each(cases)('$locale: $text', ({ locale, text, at }) => {
    const read = parseSentDate(text, { now, timeZone: ZONE });
    expect(read?.toISOString() ?? null).toBe(eitherWay(locale, text, at) ? null : at.toISOString());
  });

  const localTime = (at: Date) => at.toLocaleTimeString('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
  const dateOnly = locales.flatMap((locale) =>
    ([{ month: 'short', day: 'numeric', year: 'numeric' }, { month: 'short', day: 'numeric' }, { weekday: 'short', month: 'numeric', day: 'numeric', year: 'numeric' }] as const)
      .flatMap((options) => sent.map((at) => ({ locale, text: new Intl.DateTimeFormat(locale, { ...options, timeZone: ZONE }).format(at), at }))),
  );
  it.each(dateOnly)('$locale, a day: $text is its first minute, in the latest such year when none is written', ({ locale, text, at }) => {
    const read = parseSentDate(text, { now, timeZone: ZONE });
    if (eitherWay(locale, text, at)) return expect(read).toBeNull();
    // Every month and day of these dates has passed by now in 2025, but 29 February last came in 2024.
    const expected = /\d{4}/.test(text) || localDay(at).endsWith('02-29') ? localDay(at) : `2025${localDay(at).slice(4)}`;
    expect(read && [localDay(read), localTime(read)]).toEqual([expected, '00:00']);
  });

  it.each(locales.flatMap((locale) => sent.map((at) => ({ locale, text: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: ZONE }).format(at), at }))))(
    '$locale, figures alone: $text is that day or, when either way round is a past day, null',
    ({ text, at }) => {
      const read = parseSentDate(text, { now, timeZone: ZONE });
      if (read === null) {
        const [a, b] = text.split(/[./]/).map(Number);
        expect(a !== undefined && b !== undefined && a <= 12 && b <= 12 && a !== b && !text.includes('.')).toBe(true);
      } else {
        expect(read.toLocaleDateString('en-CA', { timeZone: ZONE })).toBe(at.toLocaleDateString('en-CA', { timeZone: ZONE }));
      }
    },
  );
});

describe('firstSentDate', () => {
  it('takes the first text that parses, most precise first', () => {
    expect(firstSentDate(['', 'nonsense', 'Tue, Nov 4, 2025, 3:12 PM', 'Nov 4'], JAKARTA)?.toISOString()).toBe(wib('2025-11-04T15:12'));
    expect(firstSentDate(['Nov 4', 'Tue, Nov 4, 2025, 3:12 PM'], JAKARTA)?.toISOString()).toBe(wib('2025-11-04T00:00'));
    expect(firstSentDate([], JAKARTA)).toBeNull();
    expect(firstSentDate(['10/11/2024'], JAKARTA)).toBeNull();
  });
});
