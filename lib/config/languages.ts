/**
 * The languages the extension speaks, each with a `public/_locales/<code>/messages.json`; English
 * is the reference (and Chrome's default locale, which answers a key another language lacks).
 * No zod here: content scripts read it.
 */
export const LANGUAGES = ['en', 'ru', 'id', 'ms', 'ro'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in its own words, as the options page offers them. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Русский',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
  ro: 'Română',
};
