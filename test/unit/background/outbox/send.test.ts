import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../lib/background/outbox/backoff';
import { allItems, enqueue } from '../../../../lib/background/outbox/queue';
import type { Write } from '../../../../lib/messaging/write';
import { ACCOUNT_ID, commitment } from '../../../support/crm-fixtures';
import { apiError, fakeCrm, type Reply } from '../../../support/fake-crm';
import { created, note } from '../../../support/outbox-fixtures';
import { testApp } from '../../../support/test-app';

describe('outbox: sending and failures', () => {
  it('commits a write with a client-made key and id before sending, then sends it once with that key', async () => {
    const crm = fakeCrm({ 'POST /v1/interactions': created });
    const { app, notified } = await testApp(crm.fetch);
    const { key, id } = await enqueue(app.ctx.db, note('Called about the SLA'), { now: 1 });
    expect(await allItems(app.ctx.db)).toMatchObject([{ key, state: 'pending', write: { body: { id } } }]);
    expect(crm.calls).toHaveLength(0);

    expect(await app.drain()).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(crm.calls[0]?.headers.get('idempotency-key')).toBe(key);
    expect(crm.calls[0]?.body).toMatchObject({ id, summary: 'Called about the SLA' });
    expect(await allItems(app.ctx.db)).toEqual([]);
    expect(notified).toContainEqual({ accountIds: [ACCOUNT_ID] });
  });

  it.each<[string, Reply]>([
    ['a network error', 'network-error'],
    ['a timeout', 'timeout'],
    ['a 503', apiError(503, 'unavailable', 'restarting')],
    ['a 429', apiError(429, 'rate_limited', 'slow down')],
    ['a refused token', apiError(401, 'unauthorized', 'bad token')],
  ])('keeps a write after %s and retries it with backoff, with the same key', async (_, failure) => {
    let down = true;
    const crm = fakeCrm({ 'POST /v1/interactions': (call) => (down ? failure : created(call)) });
    const { app, clock, scheduled } = await testApp(crm.fetch);
    const { key } = await enqueue(app.ctx.db, note('hello'), { now: clock.now });

    expect(await app.drain()).toMatchObject({ sent: 0, retrying: 1 });
    const [item] = await allItems(app.ctx.db);
    expect(item).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: clock.now + backoffDelay(1, 0.5) });
    expect(item?.lastProblem).not.toBeNull();
    expect(scheduled.at(-1)).toBe(clock.now + backoffDelay(1, 0.5));

    await app.drain();
    expect(crm.calls).toHaveLength(1); // not due yet

    down = false;
    clock.now += backoffDelay(1, 0.5);
    expect(await app.drain()).toMatchObject({ sent: 1 });
    expect(crm.calls.map((c) => c.headers.get('idempotency-key'))).toEqual([key, key]);
    expect(scheduled.at(-1)).toBeNull();
  });

  it('marks a write the CRM refuses as invalid failed, with its message, and does not retry it', async () => {
    const crm = fakeCrm({ 'POST /v1/interactions': () => apiError(400, 'validation', 'summary is too long', { field: 'body.summary' }) });
    const { app, clock } = await testApp(crm.fetch);
    await enqueue(app.ctx.db, note('x'), { now: clock.now });
    expect(await app.drain()).toMatchObject({ failed: 1, retrying: 0 });
    expect(await allItems(app.ctx.db)).toMatchObject([
      { state: 'failed', lastProblem: { kind: 'rejected', message: 'summary is too long', field: 'body.summary' } },
    ]);
    clock.now += 24 * 3_600_000;
    await app.drain();
    expect(crm.calls).toHaveLength(1);
  });

  it('keeps both versions on a 409', async () => {
    const theirs = commitment({ version: 3, text: 'Send the SLA by Friday' });
    const crm = fakeCrm({ 'PATCH /v1/commitments/*': () => apiError(409, 'conflict', 'changed meanwhile', { details: { commitment: theirs } }) });
    const { app, clock } = await testApp(crm.fetch);
    const patch: Write = { type: 'commitment-patch', commitmentId: theirs.id, accountId: ACCOUNT_ID, body: { version: 1, status: 'done' } };
    await enqueue(app.ctx.db, patch, { now: clock.now });
    await app.drain();
    expect(await allItems(app.ctx.db)).toMatchObject([
      { state: 'failed', lastProblem: { kind: 'conflict' }, conflict: { mine: { version: 1, status: 'done' }, theirs: { commitment: theirs } } },
    ]);
  });
});
