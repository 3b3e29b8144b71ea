import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAst, transformWithOxc } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { selectorTablesWithoutTestData } from '../../../build/selector-tables-without-test-data';
import { GMAIL_SELECTORS } from '../../../lib/mail/gmail/selectors';
import { OUTLOOK_SELECTORS } from '../../../lib/mail/outlook/selectors';

const dir = mkdtempSync(join(tmpdir(), 'selector-tables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The table module as the extension's build makes it: TypeScript stripped, then the plugin. */
async function built(site: string): Promise<{ code: string; table: Record<string, unknown> }> {
  const id = resolve(import.meta.dirname, `../../../lib/mail/${site}/selectors.ts`);
  const js = (await transformWithOxc(readFileSync(id, 'utf8'), id)).code;
  const plugin = selectorTablesWithoutTestData();
  const transform = plugin.transform as (this: { parse: typeof parseAst }, code: string, id: string) => { code: string };
  const { code } = transform.call({ parse: parseAst }, js, id);
  const file = join(dir, `${site}.mjs`);
  writeFileSync(file, code);
  const module = (await import(pathToFileURL(file).href)) as Record<string, Record<string, unknown>>;
  return { code, table: Object.values(module)[0] ?? {} };
}

/** What the readers use of a table: each entry's name and fallbacks (selector and attribute), in order. */
const shipped = (table: Record<string, unknown>) => Object.fromEntries(Object.entries(table).map(([key, entry]) => {
  const { name, fallbacks } = entry as { name: string; fallbacks: { css: string; attr?: string }[] };
  return [key, { name, fallbacks: fallbacks.map(({ css, attr }) => (attr === undefined ? { css } : { css, attr })) }];
}));

describe('selector tables in the extension build', () => {
  it.each([
    ['gmail', GMAIL_SELECTORS],
    ['outlook', OUTLOOK_SELECTORS],
  ] as const)('%s: the same selectors in the same order, without the fixtures, purposes and sightings', async (site, source) => {
    const { code, table } = await built(site);
    expect(shipped(table)).toEqual(shipped(source));
    for (const entry of Object.values(table)) {
      expect(Object.keys(entry as object).sort()).toEqual(['fallbacks', 'name']);
      for (const fallback of (entry as { fallbacks: object[] }).fallbacks) expect(Object.keys(fallback).every((k) => k === 'css' || k === 'attr')).toBe(true);
    }
    // The fixture pages' names went with the lists that named them (comments aside: the minifier drops those).
    const texts: string[] = [];
    const visit = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as { type?: string; value?: unknown; name?: unknown };
      if (n.type === 'Literal' && typeof n.value === 'string') texts.push(n.value);
      if (n.type === 'Identifier' && typeof n.name === 'string') texts.push(n.name);
      Object.values(node).forEach(visit);
    };
    visit(parseAst(code));
    expect(texts.filter((text) => /\.html$|_FIXTURES$/.test(text))).toEqual([]);
  });

  it('refuses a table it finds nothing to take out of, rather than ship it unchanged', () => {
    const plugin = selectorTablesWithoutTestData();
    const transform = plugin.transform as (this: { parse: typeof parseAst }, code: string, id: string) => unknown;
    expect(() => transform.call({ parse: parseAst }, 'export const T = { a: { name: "a", fallbacks: [] } };', '/x/lib/mail/site/selectors.ts')).toThrow(/shape/);
  });
});
