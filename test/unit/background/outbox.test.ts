import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../lib/background/backoff';
import { allItems, discardFailed, enqueue, recoverInterrupted, retryFailed } from '../../../lib/background/outbox';
import type { Write } from '../../../lib/messaging/write';
import { ACCOUNT_ID, OTHER_ACCOUNT_ID, commitment } from '../../support/crm-fixtures';
import { apiError, fakeCrm, type RecordedCall, type Reply } from '../../support/fake-crm';
import { testApp } from '../../support/test-app';

const AT = '2026-11-23T09:00:00.000Z';

function note(summary: string, accountId = ACCOUNT_ID): Write {
  return { type: 'interaction', body: { accountId, kind: 'note', direction: 'internal', summary, contactIds: [], amount: null, threadId: null, commitments: [] } };
}

/** The CRM's answer to POST /v1/interactions, echoing what was sent. */
function created(call: RecordedCall): Reply {
  const body = call.body as { id: string; accountId: string; summary: string };
  return {
    status: 201,
    json: {
      interaction: {
        id: body.id, accountId: body.accountId, kind: 'note', direction: 'internal', occurredAt: AT, summary: body.summary,
        author: null, contactIds: [], amount: null, threadId: null, createdAt: AT,
      },
      commitments: [],
    },
  };
}

const summaries = (calls: RecordedCall[]) => calls.map((c) => (c.body as { summary: string }).summary);

describe('outbox', () => {
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

  it('resends a write left "sending" by a stopped worker', async () => {
    const crm = fakeCrm({ 'POST /v1/interactions': created });
    const { app, clock } = await testApp(crm.fetch);
    const { key } = await enqueue(app.ctx.db, note('interrupted'), { now: clock.now });
    const [item] = await allItems(app.ctx.db);
    await app.ctx.db.put('outbox', { ...item!, state: 'sending' });
    await app.drain();
    expect(crm.calls).toHaveLength(0); // "sending" belongs to a run; only start-up recovers it
    expect(await recoverInterrupted(app.ctx.db)).toBe(1);
    await app.drain();
    expect(crm.calls[0]?.headers.get('idempotency-key')).toBe(key);
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
    expect(await retryFailed(app.ctx.db, waiting.key, clock.now)).toBe(false);

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

describe('backoffDelay', () => {
  it.each([
    [1, 0, 15_000],
    [1, 1, 30_000],
    [2, 0.5, 45_000],
    [3, 0, 60_000],
    [7, 1, 1_920_000],
    [8, 1, 3_600_000],
    [30, 0, 1_800_000],
    [30, 1, 3_600_000],
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, random)).toBe(expected);
  });
});
