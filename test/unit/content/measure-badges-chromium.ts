/**
 * What keeping list badges costs per Gmail change in Chromium, on a 100-row inbox fixture: a
 * read of every row; after Gmail replaced every row, reading the new rows and badging them (from
 * rows without badges, and from copies of rows that carried them); a pass over every row for new
 * answers that changed nothing; and making 100 badges. Prints µs per call.
 * Run: npx tsx test/unit/content/measure-badges-chromium.ts
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ITERATIONS = Number(process.env.ITERATIONS ?? 200);
const here = import.meta.dirname;
const bundle = await build({ entryPoints: [resolve(here, 'measure-badges-page.ts')], bundle: true, write: false, format: 'iife', target: 'chrome120' });
const html = await readFile(resolve(here, '../../fixtures/gmail/inbox-default-tabs.html'), 'utf8');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.setContent(html);
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  const figures = await page.evaluate(([rows, n]) => (window as unknown as { measureBadges: (r: number, i: number) => Promise<Record<string, number>> }).measureBadges(rows, n), [100, ITERATIONS] as const);
  console.log(`Chromium ${browser.version()}, ${figures.rows} rows, ${figures.badges} badges; µs per call, mean of ${ITERATIONS}`);
  console.log(`read of every row                          ${String(figures.read).padStart(6)}`);
  console.log(`rows replaced: read and badge them (adds)  ${String(figures.fresh).padStart(6)}`);
  console.log(`rows replaced by copies with their badges  ${String(figures.cloned).padStart(6)}`);
  console.log(`new answers, nothing to change             ${String(figures.steady).padStart(6)}`);
  console.log(`100 badges made                            ${String(figures.create).padStart(6)}`);
} finally {
  await browser.close();
}
