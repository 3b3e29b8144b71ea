/**
 * How long one read of each Gmail fixture takes in Node with happy-dom (a slower DOM than a
 * browser's, so an upper bound for the same page). Run: npx tsx test/unit/mail/gmail/measure-reads.ts
 */
import { performance } from 'node:perf_hooks';
import { GMAIL_FIXTURES } from '../../../../lib/mail/gmail/fixtures';
import { readListRows } from '../../../../lib/mail/gmail/read-list';
import { readThread } from '../../../../lib/mail/gmail/read-thread';
import { listBodiesOf, threadContainerOf } from '../../../../lib/mail/gmail/scope';
import { asDocument } from './dom-types';
import { OURS, openFixture } from './fixture-dom';

const ITERATIONS = Number(process.env.ITERATIONS ?? 500);

function microsPerCall(fn: () => unknown): number {
  for (let i = 0; i < 50; i++) fn();
  const start = performance.now();
  for (let i = 0; i < ITERATIONS; i++) fn();
  return ((performance.now() - start) / ITERATIONS) * 1000;
}

const rows: string[] = [];
for (const name of Object.values(GMAIL_FIXTURES)) {
  const window = openFixture(name);
  const doc = asDocument(window.document);
  const container = threadContainerOf(doc);
  const [body] = listBodiesOf(doc);
  const cells = [
    microsPerCall(() => readThread(doc, OURS)),
    container ? microsPerCall(() => readThread(container, OURS)) : NaN,
    microsPerCall(() => readListRows(doc, OURS)),
    body ? microsPerCall(() => readListRows(body, OURS)) : NaN,
  ].map((us) => (Number.isNaN(us) ? '-' : us.toFixed(0)).padStart(11));
  rows.push(`${name.padEnd(30)}${cells.join('')}`);
  await window.happyDOM.close();
}
console.log(`µs per read, mean of ${ITERATIONS} after 50 warm-up reads (Node ${process.version}, happy-dom)`);
console.log(`${'fixture'.padEnd(30)}${['thread/doc', 'thread/box', 'list/doc', 'list/body'].map((h) => h.padStart(11)).join('')}`);
for (const row of rows) console.log(row);
