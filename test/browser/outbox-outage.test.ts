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

describe('outbox through a CRM outage', () => {
  it('keeps 50 notes written while the CRM is down and delivers each once, in the order written, when it is back', async () => {
    type Fresh = { value: { account: { id: string } }; fetchedAt: number; offline?: boolean };
    const account = async () => {
      const answer = await rig.ask<Fresh>('getAccount', { accountId: rig.accountId });
      if (!answer.ok) throw new Error(`getAccount refused: ${JSON.stringify(answer.problem)}`);
      return answer.value;
    };
    await account(); // the sidebar looked at this client before the outage
    const outageAt = Date.now();
    await rig.crm.stop();
    const summaries = Array.from({ length: 50 }, (_, i) => `Outage note ${String(i).padStart(2, '0')}`);
    const queued: { key: string; id: string }[] = [];
    for (const summary of summaries) queued.push(await rig.note(summary));

    // Shown at once: every note is in the outbox, none lost, none failed.
    const waiting = await rig.outbox();
    expect(waiting.items.map((i) => i.excerpt)).toEqual(summaries);
    expect(waiting.failed).toBe(0);
    expect(new Set(queued.map((q) => q.key)).size).toBe(50);
    // Reads still answer from the cache, flagged offline, once a call has failed for want of the CRM.
    await until('a failed call to the CRM', async () => (await rig.outbox()).items.some((i) => i.problem?.kind === 'unreachable'), 60_000);
    const offline = await account();
    expect(offline).toMatchObject({ offline: true, value: { account: { id: rig.accountId } } });
    expect(offline.fetchedAt).toBeLessThanOrEqual(outageAt); // what is shown is from before the outage

    await rig.crm.start();
    await until('all 50 notes on the CRM', () => deliveredOnce(rig, summaries), 180_000);

    expect(await countsBySummary(rig, summaries)).toEqual(summaries.map(() => 1));
    const ours = new Set(queued.map((q) => q.id));
    expect((await committedInteractions(rig)).filter((id) => ours.has(id))).toEqual(queued.map((q) => q.id));
    // Each key reached the CRM once; retries before the restart never got past the proxy.
    expect(await account()).not.toHaveProperty('offline');
    const sent = rig.proxy.log.filter((r) => r.path === '/v1/interactions' && r.status !== null);
    expect(sent.map((r) => r.idempotencyKey)).toEqual(queued.map((q) => q.key));
  }, 300_000);
});
