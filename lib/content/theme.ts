/** The mail page's theme, for the sidebar: its own `prefers-color-scheme` follows the browser, not the page. */
export type MailTheme = 'light' | 'dark';

/** Red, green, blue (0-255) and alpha (0-1) of a computed CSS colour, or null for anything else. */
export function parseCssColor(value: string): [number, number, number, number] | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(value.trim());
  if (!match) return null;
  const [, r, g, b, a] = match;
  const alpha = a === undefined ? 1 : a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a);
  const rgba: [number, number, number, number] = [Number(r), Number(g), Number(b), alpha];
  return rgba.every(Number.isFinite) ? rgba : null;
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance(r: number, g: number, b: number): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * The theme the first mostly opaque background among `colors` shows (innermost element first);
 * transparent layers let the next one decide. No opaque colour at all: the browser's white.
 */
export function themeOfBackgrounds(colors: readonly string[]): MailTheme {
  for (const color of colors) {
    const rgba = parseCssColor(color);
    if (!rgba || rgba[3] < 0.5) continue;
    // 0.18 is where a grey looks as far from black as from white (mid-grey #767676 is ~0.18).
    return relativeLuminance(rgba[0], rgba[1], rgba[2]) < 0.18 ? 'dark' : 'light';
  }
  return 'light';
}

/** Reads the theme from the computed backgrounds of `from` and its ancestors up to the root. */
export function readTheme(from: Element | null): MailTheme {
  const win = from?.ownerDocument.defaultView;
  if (!from || !win) return 'light';
  const colors: string[] = [];
  for (let el: Element | null = from; el; el = el.parentElement) colors.push(win.getComputedStyle(el).backgroundColor);
  return themeOfBackgrounds(colors);
}

/**
 * The page's theme for the sidebar, kept off the way to showing a thread: reading it forces a
 * style pass over the DOM the site has just swapped in. `current()` answers the last theme read
 * (reading it only the first time); once per view (`viewChanged()`) it is read again in the next
 * animation frame, and `changed()` runs when it differs, to show the sidebar again.
 */
export function createThemeWatch(doc: Document, signal: AbortSignal, from: () => Element | null, changed: () => void) {
  let theme: MailTheme | null = null;
  let checked = false;
  const recheck = () => {
    if (signal.aborted) return;
    const now = readTheme(from());
    if (now === theme) return;
    theme = now;
    changed();
  };
  return {
    current(): MailTheme {
      if (theme === null) {
        theme = readTheme(from());
        checked = true;
      } else if (!checked) {
        checked = true;
        const win = doc.defaultView;
        if (win) win.requestAnimationFrame(recheck);
      }
      return theme;
    },
    viewChanged(): void {
      checked = false;
    },
  };
}
