/**
 * What keeping list badges costs per Gmail change in Chromium, on a 100-row inbox fixture:
 * the watcher's read, a badge pass after Gmail replaced every row (all badges added again) and
 * a pass with nothing to do (what runs once after our own insertions). Prints µs per call.
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
  console.log(`read of the list (watcher)          ${String(figures.read).padStart(6)}`);
  console.log(`badge pass after a re-render (adds) ${String(figures.fresh).padStart(6)}`);
  console.log(`badge pass with nothing to do       ${String(figures.steady).padStart(6)}`);
} finally {
  await browser.close();
}
