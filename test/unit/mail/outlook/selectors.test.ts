import { afterAll, describe, expect, it } from 'vitest';
import { OUTLOOK_FIXTURES } from '../../../../lib/mail/outlook/fixtures';
import { OUTLOOK_SELECTORS, type OutlookSelectorEntry } from '../../../../lib/mail/outlook/selectors';
import { fixtureExists, openFixture, type FixturePage } from './fixture-page';

const entries: OutlookSelectorEntry[] = Object.values(OUTLOOK_SELECTORS);
const pages = new Map<string, FixturePage>();
function page(name: string): Document {
  let open = pages.get(name);
  if (!open) pages.set(name, (open = openFixture(name)));
  return open.doc;
}
afterAll(() => pages.forEach((p) => p.close()));

const matches = (doc: Document, css: string) => doc.querySelectorAll(css).length > 0;

const fallbacks = entries.flatMap((entry) => entry.fallbacks.map((fallback, i) => ({ entry, i, css: fallback.css })));
const declared = entries.flatMap((entry) => entry.fixtures.map((fixture) => ({ entry, fixture })));

describe('Outlook selector table', () => {
  it('names every entry after its key, and every entry has fallbacks and fixtures', () => {
    for (const [key, entry] of Object.entries(OUTLOOK_SELECTORS)) {
      expect(entry.name).toBe(key);
      expect(entry.fallbacks.length).toBeGreaterThan(0);
      expect(entry.fixtures.length).toBeGreaterThan(0);
    }
  });

  it.each(declared)('$entry.name declares $fixture, which exists', ({ fixture }) => {
    expect(fixtureExists(fixture), `missing fixture page ${fixture}`).toBe(true);
  });

  it.each(fallbacks)('$entry.name fallback $i ($css) is matched by at least one declared fixture', ({ entry, css }) => {
    const hits = entry.fixtures.filter((f) => fixtureExists(f) && matches(page(f), css));
    expect(hits, `${entry.name}: "${css}" matches none of ${entry.fixtures.join(', ')}`).not.toHaveLength(0);
  });

  it.each(declared)('$entry.name matches the fixture it declares, $fixture', ({ entry, fixture }) => {
    expect(entry.fallbacks.some(({ css }) => matches(page(fixture), css))).toBe(true);
  });

  it('depends on no English label: no aria-label, title text or :contains in any selector', () => {
    for (const { css } of fallbacks) expect(css).not.toMatch(/aria-label|\[title=|:contains|:has-text/);
  });

  it('matches nothing in the unrecognised layout except what the readers tolerate', () => {
    const doc = page(OUTLOOK_FIXTURES.unrecognised);
    const structural = [OUTLOOK_SELECTORS.messageList, OUTLOOK_SELECTORS.readingPane, OUTLOOK_SELECTORS.conversation, OUTLOOK_SELECTORS.listRow];
    for (const entry of structural) for (const { css } of entry.fallbacks) expect(matches(doc, css), css).toBe(false);
  });
});
