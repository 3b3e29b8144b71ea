import { uiLanguage } from './i18n';

// Building an Intl formatter costs far more than using one, and the sidebar formats dozens of
// dates per render: each locale-and-options pair is built once and kept. No locale: the language
// the UI speaks (the one chosen in the settings, else the browser's), read at each call, so a
// change of language takes effect at the next render.

const dates = new Map<string, Intl.DateTimeFormat>();
const relatives = new Map<string, Intl.RelativeTimeFormat>();

export function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = locale ?? uiLanguage();
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dates.get(key);
  if (!format) dates.set(key, (format = new Intl.DateTimeFormat(tag, options)));
  return format;
}

export function relativeTimeFormat(locale: string | undefined, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  const tag = locale ?? uiLanguage();
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = relatives.get(key);
  if (!format) relatives.set(key, (format = new Intl.RelativeTimeFormat(tag, options)));
  return format;
}
