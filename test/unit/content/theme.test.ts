import { describe, expect, it } from 'vitest';
import { parseCssColor, relativeLuminance, themeOfBackgrounds } from '../../../lib/content/theme';

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
