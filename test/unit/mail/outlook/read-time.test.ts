import { afterAll, describe, expect, it } from 'vitest';
import { readListRows } from '../../../../lib/mail/outlook/read-list';
import { readThread } from '../../../../lib/mail/outlook/read-thread';
import { FIXTURE_CASES } from './fixture-cases';
import { openFixture } from './fixture-page';
import { OPTS } from './people.fixture';

/**
 * Read time per fixture page, in happy-dom. happy-dom keeps query results until the document
 * changes, so each timed read follows a small change to the page, as a watcher's read follows a
 * mutation. The budget leaves most of a frame free for a read that runs at most once per frame.
 */
const ITERATIONS = 300;
const BUDGET_MS = 4;
const rows: string[] = [];

function timePerRead(doc: Document, read: () => unknown): { median: number; mean: number } {
  for (let i = 0; i < 20; i++) read(); // warm-up: JIT
  const marker = doc.createElement('span');
  doc.body.append(marker);
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    marker.setAttribute('data-tick', String(i));
    const t0 = performance.now();
    read();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, mean: times.reduce((s, t) => s + t, 0) / times.length };
}

afterAll(() => {
  console.log(`Outlook read time, happy-dom, ${ITERATIONS} reads each (ms per read, median / mean)\n${rows.join('\n')}`);
});

describe('Outlook read time', () => {
  it.each(FIXTURE_CASES)('$fixture', ({ fixture, url }) => {
    const page = openFixture(fixture, url);
    try {
      const thread = timePerRead(page.doc, () => readThread(page.doc, { ...OPTS, url }));
      const list = timePerRead(page.doc, () => readListRows(page.doc, OPTS));
      rows.push(`${fixture.padEnd(36)} thread ${thread.median.toFixed(3)} / ${thread.mean.toFixed(3)}   list ${list.median.toFixed(3)} / ${list.mean.toFixed(3)}`);
      expect(thread.median).toBeLessThan(BUDGET_MS);
      expect(list.median).toBeLessThan(BUDGET_MS);
    } finally {
      page.close();
    }
  });
});
