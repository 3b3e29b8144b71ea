import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_SETTINGS, Settings, StoredSettings } from '../../lib/config/settings';
import { compileMessages, fetchMessages, fillIn, languageOf, setMessages, t, uiLanguage } from '../../lib/i18n';

const dir = join(import.meta.dirname, '../../public/_locales');
const file = (language: string) => JSON.parse(readFileSync(join(dir, language, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('substitutions as Chrome makes them', () => {
  it.each([
    ['$1 of $2', ['3', '4'], '3 of 4'],
    ['$2 before $1', ['a', 'b'], 'b before a'],
    ['missing: [$3]', ['a'], 'missing: []'],
    ['costs $$5', [], 'costs $5'],
    ['$$$1', ['x'], '$$1'],
    ['$$$$', [], '$$$'],
    ['odd $x and $0 end $', [], 'odd  and  end '],
    ['a sub is not read again: $1', ['$2'], 'a sub is not read again: $2'],
    ['no dollar at all', ['x'], 'no dollar at all'],
  ])('%s with %j → %s', (text, subs, expected) => {
    expect(fillIn(text, subs)).toBe(expected);
  });

  it('named placeholders match whatever their case, and a name with no placeholder is left as it is', () => {
    const messages = compileMessages({
      a: { message: 'Hi $Name$, $NAME$ and $name$ ($OTHER$)', placeholders: { name: { content: '$1' } } },
      b: { message: '$COUNT$ days', placeholders: { COUNT: { content: '$1' } } },
    } as never);
    expect(messages).toEqual({ a: 'Hi $1, $1 and $1 ($OTHER$)', b: '$1 days' });
  });
});

describe('the language', () => {
  it.each([
    ['ru', 'ru'], ['ru-RU', 'ru'], ['id', 'id'], ['in', 'id'], ['in-ID', 'id'], ['ms', 'ms'], ['ms-MY', 'ms'],
    ['ro-RO', 'ro'], ['ro_MD', 'ro'], ['en-GB', 'en'], ['de-DE', 'en'], ['uk', 'en'], ['', 'en'],
  ])('browser %s → %s', (ui, language) => {
    expect(languageOf(ui)).toBe(language);
  });

  it('is part of the settings: optional (older settings have none), one of the five', () => {
    expect(StoredSettings.parse(EMPTY_SETTINGS).language).toBeUndefined();
    expect(Settings.parse({ ...EMPTY_SETTINGS, language: 'ro' }).language).toBe('ro');
    expect(Settings.safeParse({ ...EMPTY_SETTINGS, language: 'de' }).success).toBe(false);
  });
});

describe('loading the messages', () => {
  let fetched: string[];
  let files: Record<string, unknown>;
  beforeEach(() => {
    fetched = [];
    files = Object.fromEntries(['en', 'ru', 'id', 'ms', 'ro'].map((l) => [l, file(l)]));
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      const language = /\/_locales\/([a-z]+)\/messages\.json$/.exec(url)?.[1] ?? '';
      return files[language] ? new Response(JSON.stringify(files[language])) : new Response('', { status: 404 });
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setMessages({ language: 'en', messages: compileMessages(file('en')) });
  });

  it("follows the browser's language, reading only that file", async () => {
    fakeBrowser.i18n.getUILanguage = () => 'ru-RU';
    const loaded = await fetchMessages();
    expect(loaded.language).toBe('ru');
    expect(fetched.map((u) => u.replace(/^.*\/_locales\//, ''))).toEqual(['ru/messages.json']);
    setMessages(loaded);
    expect(uiLanguage()).toBe('ru');
    expect(t('sidebar_stage_step', 2, 7, 'Лояльный клиент')).toBe('Этап 2 из 7: Лояльный клиент');
  });

  it("the choice in the settings wins over the browser, reading only its file; the browser's i18n (English, the default locale) answers a key it lacks", async () => {
    fakeBrowser.i18n.getUILanguage = () => 'ru';
    const ro = { ...file('ro') };
    delete ro.options_save;
    files.ro = ro;
    const loaded = await fetchMessages(Promise.resolve('ro' as const));
    setMessages(loaded);
    expect(uiLanguage()).toBe('ro');
    expect(t('options_test_ok', 'Ana', 'ana@example.com', 'Vânzări')).toBe('Conectat ca Ana (ana@example.com), echipa Vânzări.');
    expect(t('options_save')).toBe('Save');
    expect(fetched.map((u) => u.replace(/^.*\/_locales\//, ''))).toEqual(['ro/messages.json']);
  });

  it('a file that cannot be read is an error, not an empty language', async () => {
    delete files.ms;
    await expect(fetchMessages('ms')).rejects.toThrow(/404/);
  });
});
