import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../lib/background/outbox/backoff';
import { allItems, discardFailed, enqueue } from '../../../../lib/background/outbox/queue';
import { updateFailed } from '../../../../lib/background/outbox/edit';
import type { Write } from '../../../../lib/messaging/write';
import { ACCOUNT_ID, OTHER_ACCOUNT_ID, commitment } from '../../../support/crm-fixtures';
import { apiError, fakeCrm, type RecordedCall, type Reply } from '../../../support/fake-crm';
import { note } from '../../../support/outbox-fixtures';
import { testApp } from '../../../support/test-app';

const PROMISE_ID = '77777777-7777-4777-8777-777777777777';
const promise = (text = 'Send the SLA'): Write => ({
  type: 'commitment',
  body: { id: PROMISE_ID, accountId: ACCOUNT_ID, contactId: null, text, dueDate: null, sourceInteractionId: null },
});
// Named with another account on purpose: the record it changes decides its place, not the group.
const complete: Write = { type: 'commitment-patch', commitmentId: PROMISE_ID, accountId: OTHER_ACCOUNT_ID, body: { version: 1, status: 'done' } };

const answer = (call: RecordedCall): Reply => ({ status: 201, json: { commitment: commitment({ id: PROMISE_ID, ...(call.body as object) }) } });
const order = (calls: RecordedCall[]) => calls.map((c) => `${c.method} ${c.path.replace(PROMISE_ID, ':id')}`);

describe('outbox: writes that depend on earlier ones', () => {
  it('completes a commitment only after the write creating it arrived, even when the first attempt failed', async () => {
    let busy = true;
    const crm = fakeCrm({
      'POST /v1/commitments': (call) => (busy ? apiError(503, 'unavailable', 'busy') : answer(call)),
      'PATCH /v1/commitments/*': (call) => answer(call),
    });
    const { app, clock } = await testApp(crm.fetch);
    await enqueue(app.ctx.db, promise(), { now: clock.now });
    await enqueue(app.ctx.db, complete, { now: clock.now });
    await app.drain();
    expect(order(crm.calls)).toEqual(['POST /v1/commitments']);

    busy = false;
    clock.now += backoffDelay(1, 0.5);
    await app.drain();
    expect(order(crm.calls)).toEqual(['POST /v1/commitments', 'POST /v1/commitments', 'PATCH /v1/commitments/:id']);
  });

  it('holds a write whose record was refused, without waking the worker for it, until the user fixes the first', async () => {
    const crm = fakeCrm({
      'POST /v1/commitments': (call) =>
        (call.body as { text: string }).text.includes('\u0000') ? apiError(400, 'validation', 'body.text: contains a NUL character', { field: 'body.text' }) : answer(call),
      'PATCH /v1/commitments/*': (call) => answer(call),
    });
    const { app, clock, scheduled } = await testApp(crm.fetch);
    const { key } = await enqueue(app.ctx.db, promise('Send\u0000 the SLA'), { now: clock.now });
    await enqueue(app.ctx.db, complete, { now: clock.now });
    await app.drain();
    expect(order(crm.calls)).toEqual(['POST /v1/commitments']);
    expect((await allItems(app.ctx.db)).map((i) => i.state)).toEqual(['failed', 'pending']);
    expect(scheduled.at(-1)).toBeNull();

    await updateFailed(app.ctx.db, key, promise('Send the SLA'), { now: clock.now });
    await app.drain();
    expect(order(crm.calls)).toEqual(['POST /v1/commitments', 'POST /v1/commitments', 'PATCH /v1/commitments/:id']);
    expect(await allItems(app.ctx.db)).toEqual([]);
  });

  it('sends the dependent write once its creator is discarded, so the CRM says what is wrong with it', async () => {
    const crm = fakeCrm({
      'POST /v1/commitments': () => apiError(422, 'validation', 'no'),
      'PATCH /v1/commitments/*': () => apiError(404, 'not_found', 'commitment not found', { field: 'path.id' }),
    });
    const { app, clock } = await testApp(crm.fetch);
    const { key } = await enqueue(app.ctx.db, promise(), { now: clock.now });
    await enqueue(app.ctx.db, complete, { now: clock.now });
    await app.drain();
    expect(await discardFailed(app.ctx.db, key)).toBe(true);
    await app.drain();
    expect(await allItems(app.ctx.db)).toMatchObject([{ state: 'failed', lastProblem: { message: 'commitment not found' } }]);
  });

  it('wakes the worker when the first write of a held account is due, not for each write held behind it', async () => {
    const crm = fakeCrm({ 'POST /v1/interactions': () => apiError(503, 'unavailable', 'busy') });
    const { app, clock, scheduled } = await testApp(crm.fetch);
    for (const summary of ['A1', 'A2', 'A3']) await enqueue(app.ctx.db, note(summary), { now: clock.now });
    await app.drain();
    const first = clock.now + backoffDelay(1, 0.5);
    expect(scheduled.at(-1)).toBe(first);
    clock.now += 1000;
    await app.drain();
    expect(scheduled.at(-1)).toBe(first);
    expect(crm.calls).toHaveLength(1);
  });
});
