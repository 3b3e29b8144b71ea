/**
 * The words the mail sites write in their dates, in the five UI languages we support (English,
 * Russian, Indonesian, Malay, Romanian), for lib/mail/sent-date.ts. Words are compared folded:
 * lower case, diacritics dropped (Romanian with or without them reads the same), no final dot.
 */

export type Lang = 'en' | 'ru' | 'id' | 'ms' | 'ro';

/** Languages that write the day before the month when they write a date in figures. */
export const DAY_FIRST: ReadonlySet<Lang> = new Set(['ru', 'id', 'ms', 'ro']);

/** Lower case, combining marks dropped (ș, ş → s; й → и on both sides of every comparison). */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// Full month names, January first; Russian in the nominative and the genitive ("4 ноября").
const MONTHS: Record<Lang, readonly (readonly string[])[]> = {
  en: [['january'], ['february'], ['march'], ['april'], ['may'], ['june'], ['july'], ['august'], ['september'], ['october'], ['november'], ['december']],
  ru: [['январь', 'января'], ['февраль', 'февраля'], ['март', 'марта'], ['апрель', 'апреля'], ['май', 'мая'], ['июнь', 'июня'],
    ['июль', 'июля'], ['август', 'августа'], ['сентябрь', 'сентября'], ['октябрь', 'октября'], ['ноябрь', 'ноября'], ['декабрь', 'декабря']],
  id: [['januari'], ['februari'], ['maret'], ['april'], ['mei'], ['juni'], ['juli'], ['agustus', 'agt'], ['september'], ['oktober'], ['november'], ['desember']],
  ms: [['januari'], ['februari'], ['mac'], ['april'], ['mei'], ['jun'], ['julai'], ['ogos'], ['september'], ['oktober'], ['november'], ['disember']],
  ro: [['ianuarie'], ['februarie'], ['martie'], ['aprilie'], ['mai'], ['iunie'], ['iulie'], ['august'], ['septembrie'], ['octombrie'], ['noiembrie', 'nov'], ['decembrie']],
};

// Full weekday names, Sunday first, and the short forms that are not a prefix of them.
const WEEKDAYS: Record<Lang, readonly (readonly string[])[]> = {
  en: [['sunday'], ['monday'], ['tuesday'], ['wednesday'], ['thursday'], ['friday'], ['saturday']],
  ru: [['воскресенье', 'вс'], ['понедельник', 'пн'], ['вторник', 'вт'], ['среда', 'ср'], ['четверг', 'чт'], ['пятница', 'пт'], ['суббота', 'сб']],
  id: [['minggu'], ['senin'], ['selasa'], ['rabu'], ['kamis'], ['jumat'], ['sabtu']],
  ms: [['ahad', 'ahd'], ['isnin'], ['selasa'], ['rabu'], ['khamis'], ['jumaat'], ['sabtu']],
  ro: [['duminica'], ['luni'], ['marti'], ['miercuri'], ['joi'], ['vineri'], ['sambata']],
};

/** Words for the day itself: 0 today, 1 yesterday ("hari ini" arrives as one word, "hari-ini"). Malay "semalam" is yesterday, "malam" a time of day. */
const DAYS_BACK: Record<string, { back: number; langs: readonly Lang[] }> = {
  today: { back: 0, langs: ['en'] }, yesterday: { back: 1, langs: ['en'] },
  сегодня: { back: 0, langs: ['ru'] }, вчера: { back: 1, langs: ['ru'] },
  'hari-ini': { back: 0, langs: ['id', 'ms'] }, kemarin: { back: 1, langs: ['id'] }, semalam: { back: 1, langs: ['ms'] },
  astazi: { back: 0, langs: ['ro'] }, azi: { back: 0, langs: ['ro'] }, ieri: { back: 1, langs: ['ro'] },
};

/** Words that join the parts and mean nothing by themselves ("at 3:12", "в 15:12", "2025 г."). */
export const FILLERS: ReadonlySet<string> = new Set(['at', 'on', 'в', 'г', 'года', 'pukul', 'jam', 'pada', 'la', 'ora']);

/** One meaning a word can have, and the languages it has it in; "mar." is a Romanian month and a Romanian weekday. */
export interface WordMeaning {
  kind: 'month' | 'weekday' | 'day';
  /** Month 0–11, weekday 0 (Sunday)–6, or days back from today. */
  value: number;
  langs: readonly Lang[];
}

// An abbreviation is a prefix of the full name, at least this long ("nov", "нояб", "sept", "sel").
const MIN_PREFIX = 3;

function meaningsIn(table: Record<Lang, readonly (readonly string[])[]>, kind: 'month' | 'weekday', word: string): WordMeaning[] {
  const langsOf = new Map<number, Lang[]>();
  for (const lang of Object.keys(table) as Lang[]) {
    table[lang].forEach((names, value) => {
      const hit = names.some((name) => {
        const full = fold(name);
        return full === word || (word.length >= MIN_PREFIX && full.startsWith(word));
      });
      if (hit) langsOf.set(value, [...(langsOf.get(value) ?? []), lang]);
    });
  }
  return [...langsOf].map(([value, langs]) => ({ kind, value, langs }));
}

/** Every meaning a folded word can have in a date; empty for a word no date of ours holds. */
export function meaningsOf(word: string): WordMeaning[] {
  const day = Object.hasOwn(DAYS_BACK, word) ? DAYS_BACK[word] : undefined;
  const days: WordMeaning[] = day ? [{ kind: 'day', value: day.back, langs: day.langs }] : [];
  return [...meaningsIn(MONTHS, 'month', word), ...meaningsIn(WEEKDAYS, 'weekday', word), ...days];
}
