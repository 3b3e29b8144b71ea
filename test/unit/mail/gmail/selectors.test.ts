import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { GMAIL_SELECTORS } from '../../../../lib/mail/gmail/selectors';
import { fixtureExists, fixturePath } from './fixture-dom';

/**
 * The selector table is only as good as the pages it was checked against: every fallback must
 * still match at least one of the fixtures its entry declares (otherwise it is dead or mistyped),
 * every declared fixture must exist, and every declared fixture must be matched by the entry.
 */
const parsed = new Map<string, Window>();
function page(name: string): Window {
  let window = parsed.get(name);
  if (!window) {
    window = new Window({ url: 'https://mail.google.com/mail/u/0/' });
    window.document.write(readFileSync(fixturePath(name), 'utf8'));
    parsed.set(name, window);
  }
  return window;
}
afterAll(() => parsed.forEach((w) => w.close()));

const entries = Object.values(GMAIL_SELECTORS);
const fallbacks = entries.flatMap((entry) => entry.fallbacks.map((f) => [entry.name, f.css, entry.fixtures] as const));
const declared = entries.flatMap((entry) => entry.fixtures.map((fixture) => [entry.name, fixture, entry] as const));

describe('Gmail selector table', () => {
  it('names every entry by its key', () => {
    for (const [key, entry] of Object.entries(GMAIL_SELECTORS)) expect(entry.name).toBe(key);
  });

  it.each(declared)('%s declares %s, which exists', (_name, fixture) => {
    expect(fixtureExists(fixture)).toBe(true);
  });

  it.each(fallbacks)('%s: fallback %s matches at least one declared fixture', (_name, css, fixtures) => {
    const matching = fixtures.filter((f) => fixtureExists(f) && page(f).document.querySelector(css) !== null);
    expect(matching.length, `${css} matches none of ${fixtures.join(', ')}`).toBeGreaterThan(0);
  });

  it.each(declared)('%s matches its declared fixture %s', (_name, fixture, entry) => {
    expect(fixtureExists(fixture)).toBe(true);
    const hit = entry.fallbacks.some(({ css }) => page(fixture).document.querySelector(css) !== null);
    expect(hit).toBe(true);
  });

  it.each(fallbacks)('%s: fallback %s is a valid selector', (_name, css) => {
    expect(() => page('inbox-default-tabs.html').document.querySelector(css)).not.toThrow();
  });
});
