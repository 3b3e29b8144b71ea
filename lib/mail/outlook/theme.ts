import { findFirst } from './query';
import { OUTLOOK_SELECTORS as S } from './selectors';

export type Theme = 'light' | 'dark';

/** Reads an element's computed background colour; the browser's getComputedStyle by default. */
export type BackgroundOf = (el: Element) => string;

/**
 * Light or dark, from a CSS colour as `getComputedStyle` gives it (`rgb(…)`, `rgba(…)`, `#hex`,
 * `transparent`). `null` when the colour is unknown or (nearly) transparent, i.e. says nothing.
 */
export function themeOfColour(colour: string): Theme | null {
  const rgba = parseColour(colour.trim().toLowerCase());
  if (!rgba || rgba[3] < 0.5) return null;
  const [r, g, b] = rgba.map((c) => c / 255);
  // Relative luminance (sRGB weights, without the gamma step: a threshold needs no more).
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  return luminance < 0.5 ? 'dark' : 'light';
}

/**
 * The theme Outlook is drawn in. Outlook names its themes with generated class names and
 * settings the page does not expose, so the colour actually painted behind the reading pane (or
 * the list, or the page) is what is read: the first opaque background from there up.
 * `null` when nothing on the way paints one.
 */
export function readOutlookTheme(doc: Document, backgroundOf?: BackgroundOf): Theme | null {
  try {
    const view = doc.defaultView;
    const read = backgroundOf ?? (view ? (el: Element) => view.getComputedStyle(el).backgroundColor : null);
    if (!read) return null;
    const start = findFirst(doc, S.readingPane) ?? findFirst(doc, S.messageList) ?? doc.body;
    for (let el: Element | null = start; el; el = el.parentElement) {
      const theme = themeOfColour(read(el));
      if (theme) return theme;
    }
    return null;
  } catch {
    return null;
  }
}

const FUNCTIONAL = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/;

function channel(raw: string, max: number): number {
  const value = raw.endsWith('%') ? (parseFloat(raw) / 100) * max : parseFloat(raw);
  return Math.min(max, Math.max(0, value));
}

/** `[r, g, b, alpha]` with channels 0–255 and alpha 0–1, or `null`. */
function parseColour(colour: string): [number, number, number, number] | null {
  if (colour === 'transparent') return [0, 0, 0, 0];
  const fn = FUNCTIONAL.exec(colour);
  if (fn) {
    const [, r = '', g = '', b = '', a] = fn;
    return [channel(r, 255), channel(g, 255), channel(b, 255), a === undefined ? 1 : channel(a, 1)];
  }
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(colour)?.[1];
  if (!hex) return null;
  const digits = hex.length <= 4 ? [...hex].map((d) => d + d) : (hex.match(/../g) ?? []);
  const [r = 0, g = 0, b = 0, a = 255] = digits.map((d) => parseInt(d, 16));
  return [r, g, b, a / 255];
}
