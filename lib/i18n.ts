import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** Every message key; English (`public/_locales/en/messages.json`) is the reference locale. */
export type MessageKey = keyof typeof en;

/**
 * The user-visible text for `key` in the browser's language. Placeholders are declared in
 * messages.json (`$COUNT$` with `"content": "$1"`) and filled from `subs` in order.
 */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, subs.map(String));
  // An empty answer means a missing key: show the key rather than nothing, so it gets noticed.
  return text || key;
}
