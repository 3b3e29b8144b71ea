import { afterEach, describe, expect, it } from 'vitest';
import { OUTLOOK_FIXTURES as F } from '../../../../lib/mail/outlook/fixtures';
import { readOutlookTheme, themeOfColour } from '../../../../lib/mail/outlook/theme';
import { openFixture, type FixturePage } from './fixture-page';

describe('themeOfColour', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(250 249 248)', 'light'],
    ['rgba(41, 41, 41, 1)', 'dark'],
    ['rgb(41 40 39 / 0.9)', 'dark'],
    ['RGB(100%, 100%, 100%)', 'light'],
    ['#292827', 'dark'],
    ['#faf9f8', 'light'],
    ['#fff', 'light'],
    ['#000c', 'dark'],
    ['#1f1f1fff', 'dark'],
    ['rgb(0, 120, 212)', 'dark'], // Outlook's blue: too dark for dark text
    ['rgb(255, 255, 0)', 'light'],
    ['rgba(0, 0, 0, 0)', null],
    ['rgba(255, 255, 255, 0.2)', null],
    ['transparent', null],
    ['', null],
    ['canvas', null],
    ['#12', null],
  ])('%s → %s', (colour, theme) => {
    expect(themeOfColour(colour)).toBe(theme);
  });
});

let page: FixturePage | null = null;
afterEach(() => { page?.close(); page = null; });

describe('readOutlookTheme', () => {
  it.each([
    [F.paneRight, 'light'],
    [F.romanian, 'light'],
    [F.deeplink, 'light'],
    [F.dark, 'dark'],
  ])('%s → %s (the page background behind the pane)', (fixture, theme) => {
    page = openFixture(fixture);
    expect(readOutlookTheme(page.doc)).toBe(theme);
  });

  it('takes the nearest opaque background, from the pane up', () => {
    page = openFixture(F.paneRight);
    const colours = new Map<Element, string>([[page.doc.querySelector('#appRoot')!, 'rgb(36, 36, 36)'], [page.doc.body, 'rgb(255, 255, 255)']]);
    expect(readOutlookTheme(page.doc, (el) => colours.get(el) ?? 'rgba(0, 0, 0, 0)')).toBe('dark');
  });

  it('answers null when nothing paints a background, and when reading one throws', () => {
    page = openFixture(F.paneRight);
    expect(readOutlookTheme(page.doc, () => 'rgba(0, 0, 0, 0)')).toBeNull();
    expect(readOutlookTheme(page.doc, () => { throw new Error('detached'); })).toBeNull();
  });
});
