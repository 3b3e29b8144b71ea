import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const dir = join(import.meta.dirname, '../../public/_locales');
const load = (locale: string) =>
  JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Record<string, Entry>;
const en = load('en');

/** `$NAME$` references in a message, lower-cased as Chrome resolves them. */
const referenced = (m: string) => [...m.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();

describe('messages', () => {
  it.each(Object.entries(en))('English %s declares every placeholder it uses', (_key, entry) => {
    expect(referenced(entry.message)).toEqual(Object.keys(entry.placeholders ?? {}).sort());
  });

  it.each(readdirSync(dir).filter((l) => l !== 'en'))('%s has the same keys and placeholders as English', (locale) => {
    const other = load(locale);
    for (const [key, entry] of Object.entries(other)) {
      expect(en[key], `${locale}: ${key} is not an English key`).toBeDefined();
      expect(referenced(entry.message), `${locale}: ${key}`).toEqual(referenced(en[key]!.message));
    }
  });

  it('every plural base has an "other" form', () => {
    const bases = Object.keys(en).filter((k) => /_(one|two|few|many|zero)$/.test(k)).map((k) => k.replace(/_[a-z]+$/, ''));
    for (const base of bases) expect(en[`${base}_other`], base).toBeDefined();
  });
});
