import { afterAll, describe, expect, it } from 'vitest';
import { readListRows } from '../../../../lib/mail/outlook/read-list';
import { readThread } from '../../../../lib/mail/outlook/read-thread';
import { FIXTURE_CASES } from './fixture-cases';
import { openFixture } from './fixture-page';
import { OPTS } from './people.fixture';

/**
 * Read time per fixture page, in happy-dom (slower than a browser's native selector engine, so an
 * upper bound). The budget is a frame's worth of slack for a read that runs once per frame at most.
 */
const ITERATIONS = 300;
const BUDGET_MS = 4;
const rows: string[] = [];

function timePerRead(read: () => unknown): { median: number; mean: number } {
  for (let i = 0; i < 20; i++) read(); // warm-up: selector caches, JIT
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
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
      const thread = timePerRead(() => readThread(page.doc, { ...OPTS, url }));
      const list = timePerRead(() => readListRows(page.doc, OPTS));
      rows.push(`${fixture.padEnd(36)} thread ${thread.median.toFixed(3)} / ${thread.mean.toFixed(3)}   list ${list.median.toFixed(3)} / ${list.mean.toFixed(3)}`);
      expect(thread.median).toBeLessThan(BUDGET_MS);
      expect(list.median).toBeLessThan(BUDGET_MS);
    } finally {
      page.close();
    }
  });
});
