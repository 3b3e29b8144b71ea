import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** Every message key; English (`public/_locales/en/messages.json`) is the reference locale. */
export type MessageKey = keyof typeof en;

// WXT's generated typing of getMessage lags behind messages.json until `wxt prepare` runs again;
// MessageKey above already checks keys against the file itself.
const askBrowser = (key: string, subs: string[]): string =>
  (browser.i18n.getMessage as (key: string, subs: string[]) => string)(key, subs);

// Each getMessage is a call into the browser, and a sidebar render words the same phrases again
// and again; the UI language is fixed while a page lives, so answers are kept (a bounded number).
const KEPT_MAX = 2000;
const kept = new Map<string, string>();
function getMessage(key: string, subs: string[]): string {
  const id = subs.length === 0 ? key : `${key}\u0000${subs.join('\u0001')}`;
  let text = kept.get(id);
  if (text === undefined) {
    text = askBrowser(key, subs);
    if (kept.size >= KEPT_MAX) kept.clear();
    kept.set(id, text);
  }
  return text;
}

/** Keys that have plural forms: `n_days_one`, `n_days_other`, … share the base `n_days`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

/**
 * The user-visible text for `key` in the browser's language. Placeholders are declared in
 * messages.json (`$COUNT$` with `"content": "$1"`) and filled from `subs` in order.
 */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const text = getMessage(key, subs.map(String));
  // An empty answer means a missing key: show the key rather than nothing, so it gets noticed.
  return text || key;
}

let rules: Intl.PluralRules | undefined;

/**
 * A counted phrase ("1 day", "9 days"; Russian "2 дня", "5 дней"): picks `<base>_<category>` by
 * the UI language's plural rules, falling back to `<base>_other`. `count` is the first substitution.
 */
export function tn(base: PluralKey, count: number, ...subs: (string | number)[]): string {
  rules ??= new Intl.PluralRules(browser.i18n.getUILanguage?.() || 'en');
  const key = `${base}_${rules.select(count)}` as MessageKey;
  const text = getMessage(key, [count, ...subs].map(String));
  return text || t(`${base}_other` as MessageKey, count, ...subs);
}
