import { describe, expect, it, vi } from 'vitest';
import { createThemeWatch, parseCssColor, relativeLuminance, themeOfBackgrounds } from '../../../lib/content/theme';

describe('parseCssColor', () => {
  it.each<[string, [number, number, number, number] | null]>([
    ['rgb(255, 255, 255)', [255, 255, 255, 1]],
    ['rgba(0, 0, 0, 0)', [0, 0, 0, 0]],
    ['rgba(32, 33, 36, 0.5)', [32, 33, 36, 0.5]],
    ['rgb(32 33 36 / 50%)', [32, 33, 36, 0.5]],
    ['transparent', null],
    ['color(srgb 1 1 1)', null],
    ['', null],
  ])('%s', (value, expected) => {
    expect(parseCssColor(value)).toEqual(expected);
  });
});

describe('themeOfBackgrounds', () => {
  it.each<[string, string[], 'light' | 'dark']>([
    ["Gmail's default white", ['rgba(0, 0, 0, 0)', 'rgb(246, 248, 252)'], 'light'],
    ["Gmail's dark theme", ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)', 'rgb(32, 33, 36)'], 'dark'],
    ['a dark panel over a white page: the innermost opaque decides', ['rgb(41, 42, 45)', 'rgb(255, 255, 255)'], 'dark'],
    ['a faint overlay is skipped', ['rgba(0, 0, 0, 0.2)', 'rgb(255, 255, 255)'], 'light'],
    ['mid grey counts as light', ['rgb(128, 128, 128)'], 'light'],
    ['nothing opaque: the browser white', ['rgba(0, 0, 0, 0)'], 'light'],
    ['nothing at all', [], 'light'],
  ])('%s → %s', (_, colors, expected) => {
    expect(themeOfBackgrounds(colors)).toBe(expected);
  });

  it('measures luminance from black to white', () => {
    expect(relativeLuminance(0, 0, 0)).toBe(0);
    expect(relativeLuminance(255, 255, 255)).toBeCloseTo(1);
  });
});

describe('createThemeWatch', () => {
  it('reads the theme the first time only, then once per view in the next frame, and says when it changed', async () => {
    const { Window } = await import('happy-dom');
    const win = new Window();
    const doc = win.document as unknown as Document;
    const main = doc.createElement('div');
    doc.body.append(main);
    main.style.backgroundColor = 'rgb(32, 33, 36)';
    const frames: (() => void)[] = [];
    win.requestAnimationFrame = ((fn: () => void) => frames.push(fn)) as never;
    const styles = vi.spyOn(win, 'getComputedStyle');
    const changed = vi.fn();
    const watch = createThemeWatch(doc, new AbortController().signal, () => main, changed);

    expect(watch.current()).toBe('dark');
    const firstRead = styles.mock.calls.length;
    expect(firstRead).toBeGreaterThan(0);
    expect(frames).toHaveLength(0);

    // A new view is shown with the theme known; it is read again in the next frame only.
    watch.viewChanged();
    main.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(watch.current()).toBe('dark');
    expect(watch.current()).toBe('dark');
    expect(styles.mock.calls.length).toBe(firstRead);
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(watch.current()).toBe('light');

    // The same theme after another view change: nobody is told.
    watch.viewChanged();
    watch.current();
    frames.shift()?.();
    expect(changed).toHaveBeenCalledTimes(1);
    await win.happyDOM.close();
  });
});
