/**
 * How long one read of each Outlook fixture takes in Node with happy-dom (a slower DOM than a
 * browser's, so an upper bound for the same page). Prints figures; asserts nothing.
 * Run: npx tsx test/unit/mail/outlook/measure-reads.ts   (ITERATIONS=… to change the count)
 *
 * happy-dom keeps query results until the document changes, so each timed read follows a small
 * change to the page, as a watcher's read follows a mutation.
 */
import { performance } from 'node:perf_hooks';
import { readListRows } from '../../../../lib/mail/outlook/read-list';
import { readThread } from '../../../../lib/mail/outlook/read-thread';
import { FIXTURE_CASES } from './fixture-cases';
import { openFixture } from './fixture-page';
import { OPTS } from './people.fixture';

const ITERATIONS = Number(process.env.ITERATIONS ?? 300);

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
  marker.remove();
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, mean: times.reduce((s, t) => s + t, 0) / times.length };
}

const cell = ({ median, mean }: { median: number; mean: number }) => `${median.toFixed(3)} / ${mean.toFixed(3)}`.padStart(18);

const rows: string[] = [];
for (const { fixture, url } of FIXTURE_CASES) {
  const page = openFixture(fixture, url);
  try {
    const thread = timePerRead(page.doc, () => readThread(page.doc, { ...OPTS, url }));
    const list = timePerRead(page.doc, () => readListRows(page.doc, OPTS));
    rows.push(`${fixture.padEnd(36)}${cell(thread)}${cell(list)}`);
  } finally {
    page.close();
  }
}
console.log(`ms per read, median / mean of ${ITERATIONS} reads after 20 warm-up reads (Node ${process.version}, happy-dom)`);
console.log(`${'fixture'.padEnd(36)}${'thread'.padStart(18)}${'list'.padStart(18)}`);
for (const row of rows) console.log(row);
