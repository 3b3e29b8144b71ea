import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../lib/config/languages';
import { compileMessages, fillIn, setMessages, tn, type PluralKey } from '../../lib/i18n';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
const dir = join(import.meta.dirname, '../../public/_locales');
const load = (locale: string) =>
  JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Record<string, Entry>;
const en = load('en');
const others = LANGUAGES.filter((l) => l !== 'en');

/** `$NAME$` references in a message, lower-cased as Chrome resolves them. */
const referenced = (m: string) => [...new Set([...m.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]!.toLowerCase()))].sort();
const declared = (e: Entry) => Object.entries(e.placeholders ?? {}).map(([n, p]) => `${n.toLowerCase()}=${p.content}`).sort();
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const bases = [...new Set(Object.keys(en).filter((k) => k.endsWith('_other') && `${k.slice(0, -6)}_one` in en).map((k) => k.slice(0, -6)))];

describe('messages', () => {
  it('a locale folder for every language, and no other', () => {
    expect(readdirSync(dir).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(Object.entries(en))('English %s declares every placeholder it uses', (_key, entry) => {
    const names = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
    for (const name of referenced(entry.message)) expect(names).toContain(name);
  });

  it.each(others)('%s has exactly the English keys, each with the same placeholders and using only those', (locale) => {
    const other = load(locale);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en)) {
      const mine = other[key]!;
      expect(declared(mine), `${locale}: ${key}`).toEqual(declared(entry));
      expect(mine.message.trim(), `${locale}: ${key} is empty`).not.toBe('');
      const names = Object.keys(mine.placeholders ?? {}).map((n) => n.toLowerCase());
      for (const name of referenced(mine.message)) expect(names, `${locale}: ${key} uses $${name}$`).toContain(name);
      // A placeholder English says must be said in every language (the one exception: a form
      // like "usually every day" that English words without its count).
      for (const name of referenced(entry.message)) expect(referenced(mine.message), `${locale}: ${key} drops $${name}$`).toContain(name);
    }
  });

  it('every plural base has the forms every language needs', () => {
    expect(bases.length).toBeGreaterThan(5);
    for (const language of LANGUAGES) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const base of bases) for (const c of needed) expect(en[`${base}_${c}`], `${language}: ${base}_${c}`).toBeDefined();
    }
    // Only the categories some language uses, so nothing is written that is never shown.
    const used = new Set(LANGUAGES.flatMap((l) => new Intl.PluralRules(l).resolvedOptions().pluralCategories as string[]));
    for (const key of Object.keys(en)) {
      const category = CATEGORIES.find((c) => key.endsWith(`_${c}`) && bases.includes(key.slice(0, -c.length - 1)));
      if (category) expect(used, key).toContain(category);
    }
  });

  it('Romanian has its letters with the comma below (ș ț), never the cedilla forms', () => {
    const text = readFileSync(join(dir, 'ro', 'messages.json'), 'utf8');
    expect(text).not.toMatch(/[şţŞŢ]/);
    expect(text).toMatch(/[șț]/);
  });
});

describe('counted phrases with the real files', () => {
  afterEach(() => setMessages({ language: 'en', messages: compileMessages(en) }));
  const COUNTS = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1.5];

  it.each(LANGUAGES)('%s: every base picks the form Intl.PluralRules names, the count written its way', (language) => {
    const messages = compileMessages(load(language));
    setMessages({ language, messages });
    const rules = new Intl.PluralRules(language);
    const number = new Intl.NumberFormat(language);
    for (const base of bases) {
      for (const n of COUNTS) {
        const expected = fillIn(messages[`${base}_${rules.select(n)}`]!, [number.format(n)]);
        expect(tn(base as PluralKey, n), `${language} ${base} ${n}`).toBe(expected);
      }
    }
  });

  it.each([
    ['ru', [[0, '0 дней'], [1, '1 день'], [2, '2 дня'], [3, '3 дня'], [5, '5 дней'], [11, '11 дней'], [21, '21 день'], [22, '22 дня'], [25, '25 дней'], [101, '101 день'], [1.5, '1,5 дня']]],
    ['ro', [[0, '0 zile'], [1, '1 zi'], [2, '2 zile'], [11, '11 zile'], [21, '21 de zile'], [25, '25 de zile'], [101, '101 zile'], [1.5, '1,5 zile']]],
    ['id', [[1, '1 hari'], [21, '21 hari'], [1.5, '1,5 hari']]],
    ['ms', [[1, '1 hari'], [25, '25 hari'], [1.5, '1.5 hari']]],
    ['en', [[1, '1 day'], [2, '2 days'], [21, '21 days'], [1.5, '1.5 days']]],
  ] as const)('%s says days as a speaker would', (language, table) => {
    setMessages({ language, messages: compileMessages(load(language)) });
    for (const [n, text] of table) expect(tn('n_days', n)).toBe(text);
  });
});

/** Every `.tsx` file under `dir`, with its text. */
function sources(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith('.tsx'))
    .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'));
}

describe('a control whose spoken name is longer than its visible words (WCAG 2.5.3, label in name)', () => {
  // `aria-label={t('spoken', …)} …>{t('visible')}`: someone who says what they see (voice control)
  // must hit the control, so in every language the spoken name starts with the visible words.
  const pairs = [...new Set(
    [join(import.meta.dirname, '../../components'), join(import.meta.dirname, '../../entrypoints')]
      .flatMap(sources)
      .flatMap((text) => [...text.matchAll(/aria-label=\{t\('([a-z0-9_]+)'[^}]*\}[^<>]*>\s*\{t\('([a-z0-9_]+)'\)\}/g)])
      .map((m) => `${m[1]} ${m[2]}`),
  )].map((p) => p.split(' ') as [string, string]);

  it('finds the controls it checks', () => expect(pairs.length).toBeGreaterThanOrEqual(4));

  it.each(LANGUAGES)('%s', (locale) => {
    const messages = load(locale);
    for (const [spoken, visible] of pairs) {
      const said = messages[spoken]!.message.toLocaleLowerCase(locale);
      expect(said.startsWith(messages[visible]!.message.toLocaleLowerCase(locale)), `${locale}: ${spoken} ("${said}") starts with ${visible}`).toBe(true);
    }
  });
});
