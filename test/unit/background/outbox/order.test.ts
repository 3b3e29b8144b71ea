import { describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../../../../lib/background/outbox/backoff';
import { WATCHDOG_MS } from '../../../../lib/background/outbox/wake';
import { allItems, discardFailed, enqueue, recoverInterrupted, retryFailed } from '../../../../lib/background/outbox/queue';
import { WORKER_INSTANCE } from '../../../../lib/background/outbox/signals';
import { ACCOUNT_ID, OTHER_ACCOUNT_ID } from '../../../support/crm-fixtures';
import { apiError, fakeCrm } from '../../../support/fake-crm';
import { created, note, summaries } from '../../../support/outbox-fixtures';
import { testApp } from '../../../support/test-app';

describe('outbox: order, one drain at a time, recovery', () => {
  it('keeps the order within an account: a write that waits holds back the later ones, other accounts go on', async () => {
    let failFirst = true;
    const crm = fakeCrm({
      'POST /v1/interactions': (call) => {
        if (failFirst && (call.body as { summary: string }).summary === 'A1') return apiError(503, 'unavailable', 'busy');
        return created(call);
      },
    });
    const { app, clock } = await testApp(crm.fetch);
    for (const [summary, account] of [['A1', ACCOUNT_ID], ['B1', OTHER_ACCOUNT_ID], ['A2', ACCOUNT_ID]] as const) {
      await enqueue(app.ctx.db, note(summary, account), { now: clock.now });
    }
    await app.drain();
    expect(summaries(crm.calls)).toEqual(['A1', 'B1']);

    failFirst = false;
    clock.now += backoffDelay(1, 0.5);
    await app.drain();
    expect(summaries(crm.calls)).toEqual(['A1', 'B1', 'A1', 'A2']);
  });

  it('stops the whole run when the CRM is unreachable instead of trying every write', async () => {
    const crm = fakeCrm({ 'POST /v1/interactions': () => 'network-error' });
    const { app, clock } = await testApp(crm.fetch);
    await enqueue(app.ctx.db, note('A1'), { now: clock.now });
    await enqueue(app.ctx.db, note('B1', OTHER_ACCOUNT_ID), { now: clock.now });
    await app.drain();
    expect(crm.calls).toHaveLength(1);
  });

  it('never runs two drains at once; a drain asked for meanwhile makes the run go round again', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((done) => (release = done));
    const crm = fakeCrm({ 'POST /v1/interactions': async (call) => (await gate, created(call)) });
    const { app, clock } = await testApp(crm.fetch);
    await enqueue(app.ctx.db, note('first'), { now: clock.now });
    const one = app.drain();
    await new Promise((r) => setTimeout(r, 10));
    await enqueue(app.ctx.db, note('second'), { now: clock.now });
    const two = app.drain();
    const three = app.drain();
    expect(two).toBe(one);
    expect(three).toBe(one);
    release();
    expect(await one).toMatchObject({ sent: 2 });
    expect(summaries(crm.calls)).toEqual(['first', 'second']);
  });

  it('resends a write a stopped worker left "sending", with the same key, before anything after it', async () => {
    const crm = fakeCrm({ 'POST /v1/interactions': created });
    const { app, clock } = await testApp(crm.fetch);
    const { key } = await enqueue(app.ctx.db, note('interrupted'), { now: clock.now });
    await enqueue(app.ctx.db, note('after it'), { now: clock.now });
    const [item] = await allItems(app.ctx.db);
    await app.ctx.db.put('outbox', { ...item!, state: 'sending', sendingBy: 'a-worker-that-was-stopped' });
    await app.drain();
    expect(summaries(crm.calls)).toEqual(['interrupted', 'after it']);
    expect(crm.calls[0]?.headers.get('idempotency-key')).toBe(key);
  });

  it('keeps an alarm ahead of a run that is sending, so a worker stopped mid-run is woken to carry on', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((done) => (release = done));
    const crm = fakeCrm({ 'POST /v1/interactions': async (call) => (await gate, created(call)) });
    const { app, clock, scheduled } = await testApp(crm.fetch);
    await enqueue(app.ctx.db, note('slow'), { now: clock.now });
    const run = app.drain();
    await vi.waitFor(() => expect(crm.calls).toHaveLength(1));
    expect(scheduled).toEqual([clock.now + WATCHDOG_MS]);
    release();
    await run;
    expect(scheduled.at(-1)).toBeNull();
  });

  it('at start-up puts back only what stopped workers left "sending", not a send this worker has under way', async () => {
    const { app, clock } = await testApp(fakeCrm({}).fetch);
    await enqueue(app.ctx.db, note('orphan'), { now: clock.now });
    await enqueue(app.ctx.db, note('live'), { now: clock.now });
    const [orphan, live] = await allItems(app.ctx.db);
    await app.ctx.db.put('outbox', { ...orphan!, state: 'sending', sendingBy: 'a-worker-that-was-stopped' });
    await app.ctx.db.put('outbox', { ...live!, state: 'sending', sendingBy: WORKER_INSTANCE });
    expect(await recoverInterrupted(app.ctx.db)).toBe(1);
    expect((await allItems(app.ctx.db)).map((i) => i.state)).toEqual(['pending', 'sending']);
  });

  it('sends nothing and schedules nothing while the CRM is not configured', async () => {
    const crm = fakeCrm({ 'POST /v1/interactions': created });
    const { app, clock, scheduled } = await testApp(crm.fetch, null);
    await enqueue(app.ctx.db, note('later'), { now: clock.now });
    await app.drain();
    expect(crm.calls).toHaveLength(0);
    expect(scheduled).toEqual([null]);
    expect(await allItems(app.ctx.db)).toMatchObject([{ state: 'pending', attempts: 0 }]);
  });

  it('retries or discards only failed writes', async () => {
    let refuse = true;
    const crm = fakeCrm({ 'POST /v1/interactions': (call) => (refuse ? apiError(422, 'validation', 'no') : created(call)) });
    const { app, clock } = await testApp(crm.fetch);
    const failed = await enqueue(app.ctx.db, note('will fail'), { now: clock.now });
    await app.drain();
    const waiting = await enqueue(app.ctx.db, note('waiting', OTHER_ACCOUNT_ID), { now: clock.now });
    expect(await discardFailed(app.ctx.db, waiting.key)).toBe(false);
    expect(await retryFailed(app.ctx.db, waiting.key, clock.now)).toBe(false); // pending and already due: nothing to do

    refuse = false;
    expect(await retryFailed(app.ctx.db, failed.key, clock.now)).toBe(true);
    await app.drain();
    expect(await allItems(app.ctx.db)).toEqual([]);

    refuse = true;
    const again = await enqueue(app.ctx.db, note('discard me'), { now: clock.now });
    await app.drain();
    expect(await discardFailed(app.ctx.db, again.key)).toBe(true);
    expect(await allItems(app.ctx.db)).toEqual([]);
  });
});
