import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';
import { LANGUAGES, type Language } from './config/languages';

/** Every message key; English (`public/_locales/en/messages.json`) is the reference locale. */
export type MessageKey = keyof typeof en;

/** Keys that have plural forms: `n_days_one`, `n_days_other`, … share the base `n_days`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

/** One entry of a messages.json file. */
interface Entry { message: string; placeholders?: Record<string, { content: string }> }

/**
 * A language's messages with their named placeholders already put in, so only `$1`…`$9` and `$$`
 * are left for each call. The background hands these to content scripts, which cannot fetch them.
 */
export interface UiMessages { language: Language; messages: Record<string, string> }

/** The extension's language for a browser UI language: `ru-RU` → ru, `in` (Java's old code) → id, anything else → en. */
export function languageOf(uiLanguage: string): Language {
  const base = uiLanguage.toLowerCase().split(/[-_]/)[0];
  const code = base === 'in' ? 'id' : base;
  return LANGUAGES.find((l) => l === code) ?? 'en';
}

/** `$NAME$` → its placeholder's content; names match whatever their case, as in Chrome. */
function withPlaceholders({ message, placeholders = {} }: Entry): string {
  const content = new Map(Object.entries(placeholders).map(([name, p]) => [name.toLowerCase(), p.content]));
  return message.replace(/\$([\w@]+)\$/g, (whole, name: string) => content.get(name.toLowerCase()) ?? whole);
}

/** A messages.json file as `UiMessages` keeps it. */
export function compileMessages(file: Record<string, Entry>): Record<string, string> {
  return Object.fromEntries(Object.entries(file).map(([key, entry]) => [key, withPlaceholders(entry)]));
}

/**
 * Chrome's substitution (base::ReplaceStringPlaceholders): `$1`…`$9` → that substitution or
 * nothing, a run of n `$` → n − 1 of them (`$$` is a literal `$`), `$` before anything else → gone.
 */
export function fillIn(text: string, subs: readonly string[]): string {
  if (!text.includes('$')) return text;
  return text.replace(/\$(\$+|[^$]?)/gu, (_, next: string) =>
    next.startsWith('$') ? next : /^[1-9]$/.test(next) ? (subs[Number(next) - 1] ?? '') : '');
}

async function fetchFile(language: Language): Promise<Record<string, string>> {
  const url = browser.runtime.getURL(`/_locales/${language}/messages.json` as '/');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return compileMessages((await response.json()) as Record<string, Entry>);
}

/**
 * The messages of `choice` (none: the browser's language): only that file is read. A key it lacks
 * (the locale tests keep the five files' keys the same) is answered by the browser's own i18n,
 * whose default locale is English.
 */
export async function fetchMessages(choice?: Language | Promise<Language | undefined>): Promise<UiMessages> {
  const language = (await choice) ?? languageOf(browser.i18n.getUILanguage());
  return { language, messages: await fetchFile(language) };
}

// Until a page has loaded its messages (and in unit tests), the browser's own i18n answers.
let loaded: UiMessages | null = null;
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;

/** Speaks these messages from now on; null (the background could not say) keeps what was used. */
export function setMessages(messages: UiMessages | null): void {
  if (!messages) return;
  loaded = messages;
  rules = numbers = undefined;
}

/** The language the UI speaks now: the loaded messages', else the browser's. */
export function uiLanguage(): Language {
  return loaded?.language ?? languageOf(browser.i18n.getUILanguage?.() || 'en');
}

// WXT's generated typing of getMessage lags behind messages.json until `wxt prepare` runs again;
// MessageKey above already checks keys against the file itself.
const askBrowser = (key: string, subs: string[]): string =>
  (browser.i18n.getMessage as (key: string, subs: string[]) => string)(key, subs);

/** The text of `key`, or '' when no language has it. */
function lookUp(key: string, subs: string[]): string {
  const text = loaded?.messages[key];
  return text === undefined ? askBrowser(key, subs) : fillIn(text, subs);
}

/**
 * The user-visible text for `key` in the UI's language. Placeholders are declared in
 * messages.json (`$COUNT$` with `"content": "$1"`) and filled from `subs` in order.
 */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  // An empty answer means a missing key: show the key rather than nothing, so it gets noticed.
  return lookUp(key, subs.map(String)) || key;
}

/**
 * A counted phrase ("1 day", "9 days"; Russian "2 дня", "5 дней"): picks `<base>_<category>` by
 * the UI language's plural rules, falling back to `<base>_other`. `count` is the first
 * substitution, written as that language writes numbers ("1,5" in Russian).
 */
export function tn(base: PluralKey, count: number, ...subs: (string | number)[]): string {
  rules ??= new Intl.PluralRules(uiLanguage());
  numbers ??= new Intl.NumberFormat(uiLanguage());
  const all = [numbers.format(count), ...subs.map(String)];
  return lookUp(`${base}_${rules.select(count)}`, all) || t(`${base}_other` as MessageKey, ...all);
}
