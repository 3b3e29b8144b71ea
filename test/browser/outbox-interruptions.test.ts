import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedInteractions, countsBySummary, deliveredOnce, until } from './support/outbox-checks';
import { startOutboxRig, type OutboxRig } from './support/outbox-rig';

let rig: OutboxRig;

beforeAll(async () => {
  rig = await startOutboxRig();
}, 180_000);

afterAll(async () => {
  await rig?.dispose();
});

const notes = (label: string, n: number) => Array.from({ length: n }, (_, i) => `${label} ${String(i).padStart(2, '0')}`);
const isNote = (path: string) => path === '/v1/interactions';

describe('outbox when the worker, the browser or the answer goes away', () => {
  it('delivers every note once although the service worker is stopped again and again mid-drain', async () => {
    // Each note takes a while to reach the CRM, so the worker is stopped with a send under way.
    rig.proxy.setFaults((method, path) => (method === 'POST' && isNote(path) ? { delayMs: 400 } : 'pass'));
    const summaries = notes('Worker stop note', 30);
    const queued: { key: string; id: string }[] = [];
    for (const summary of summaries) queued.push(await rig.note(summary));

    let stops = 0;
    while (stops < 8) {
      const seen = rig.proxy.log.length;
      // A send is under way: a note request has reached the proxy and has no answer yet.
      await until('a note on its way', async () => {
        await rig.outbox().catch(() => undefined); // wakes a stopped worker
        return rig.proxy.log.slice(seen).some((r) => isNote(r.path) && r.status === null) || (await rig.outbox()).items.length === 0;
      }, 60_000);
      if ((await rig.outbox()).items.length === 0) break;
      await rig.stopWorker();
      stops++;
    }
    rig.proxy.setFaults(() => 'pass');
    await until('all notes on the CRM', () => deliveredOnce(rig, summaries), 180_000);

    expect(stops).toBeGreaterThanOrEqual(5);
    expect(await countsBySummary(rig, summaries)).toEqual(summaries.map(() => 1));
    const ours = new Set(queued.map((q) => q.id));
    expect((await committedInteractions(rig)).filter((id) => ours.has(id))).toEqual(queued.map((q) => q.id));
    // An interrupted send was sent again with its key, and the CRM answered it from that key.
    expect(rig.proxy.log.some((r) => isNote(r.path) && r.replayed)).toBe(true);
  }, 400_000);

  it('delivers notes left pending when the browser was closed, once, after it is opened again', async () => {
    await rig.crm.stop();
    const summaries = notes('Reopen note', 20);
    for (const summary of summaries) await rig.note(summary);
    expect((await rig.outbox()).items.map((i) => i.excerpt)).toEqual(summaries);

    await rig.browser.context.close();
    await rig.crm.start();
    await rig.reopen();
    await until('the notes on the CRM after reopening', () => deliveredOnce(rig, summaries), 180_000);
    expect(await countsBySummary(rig, summaries)).toEqual(summaries.map(() => 1));
  }, 400_000);

  it('does not duplicate a note whose answer was lost after the CRM committed it', async () => {
    let dropped = 0;
    rig.proxy.setFaults((method, path) => (method === 'POST' && isNote(path) && dropped++ === 0 ? 'drop-response' : 'pass'));
    const summary = 'Lost answer note';
    const { key } = await rig.note(summary);
    await until('the note on the CRM and the outbox empty', () => deliveredOnce(rig, [summary]), 180_000);

    expect(await countsBySummary(rig, [summary])).toEqual([1]);
    // Each answer closes its connection, so the second attempt is the outbox's, not a quiet resend by Chromium.
    const attempts = rig.proxy.log.filter((r) => r.idempotencyKey === key);
    expect(attempts.map((r) => ({ fault: r.fault, status: r.status, replayed: r.replayed }))).toEqual([
      { fault: 'drop-response', status: 201, replayed: false },
      { fault: 'pass', status: 201, replayed: true },
    ]);
  }, 300_000);
});
