import { describe, expect, it, vi } from 'vitest';
import { getAccount } from '../../../../lib/background/account-reads';
import { createHandlers } from '../../../../lib/background/handlers';
import { allItems, enqueue } from '../../../../lib/background/outbox/queue';
import { getStatus } from '../../../../lib/background/status';
import { ACCOUNT_ID, OTHER_ACCOUNT_ID, accountDetail } from '../../../support/crm-fixtures';
import { apiError, fakeCrm, type Reply } from '../../../support/fake-crm';
import { created, note, summaries } from '../../../support/outbox-fixtures';
import { testApp } from '../../../support/test-app';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const identity = { extensionBaseUrl: `chrome-extension://${ID}/`, extensionId: ID };

/** A CRM that can be switched off; `writes` says how notes are answered while it is on. */
function switchableCrm(writes: (summary: string) => Reply | null = () => null) {
  const state = { up: false };
  const crm = fakeCrm({
    'GET /v1/accounts/*': () => (state.up ? { json: accountDetail() } : 'network-error'),
    'POST /v1/interactions': (call) => (state.up ? (writes((call.body as { summary: string }).summary) ?? created(call)) : 'network-error'),
  });
  return { crm, state };
}

describe('outbox and the connection', () => {
  it('sends waiting writes as soon as any call to the CRM works again, without waiting out the backoff', async () => {
    const { crm, state } = switchableCrm();
    const { app, clock } = await testApp(crm.fetch);
    await enqueue(app.ctx.db, note('A1'), { now: clock.now });
    await enqueue(app.ctx.db, note('B1', OTHER_ACCOUNT_ID), { now: clock.now });
    await app.drain();
    expect(await allItems(app.ctx.db)).toMatchObject([{ attempts: 1 }, { attempts: 0 }]);

    state.up = true;
    await getAccount(app.ctx, ACCOUNT_ID); // the sidebar opens a client: the CRM answers
    await vi.waitFor(async () => expect(await allItems(app.ctx.db)).toEqual([]));
    expect(summaries(crm.callsTo('/v1/interactions'))).toEqual(['A1', 'A1', 'B1']);
  });

  it('retries a write after a blip within seconds, timed inside the worker, not by a 30 s alarm', async () => {
    let blip = true;
    const crm = fakeCrm({ 'POST /v1/interactions': (call) => (blip ? ((blip = false), 'network-error') : created(call)) });
    const { app, scheduled } = await testApp(crm.fetch, {}, { now: () => Date.now(), random: () => 0 });
    await enqueue(app.ctx.db, note('after a blip'), { now: Date.now() });
    await app.drain();
    expect(scheduled.at(-1)).toBeTypeOf('number'); // the alarm stays behind the timer
    await vi.waitFor(async () => expect(await allItems(app.ctx.db)).toEqual([]), { timeout: 5000 });
    expect(summaries(crm.calls)).toEqual(['after a blip', 'after a blip']);
  });

  it('tries writes waiting for the connection at once when the browser starts', async () => {
    const { crm, state } = switchableCrm();
    const { app, clock } = await testApp(crm.fetch);
    await enqueue(app.ctx.db, note('before the restart'), { now: clock.now });
    await app.drain();
    state.up = true;
    await app.drain();
    expect(await allItems(app.ctx.db)).toHaveLength(1); // a worker start keeps the backoff
    await app.drain({ retryWaiting: true });
    expect(await allItems(app.ctx.db)).toEqual([]);
  });

  it('keeps the backoff of a write the CRM answered with a 5xx: a working call elsewhere says nothing about it', async () => {
    const { crm, state } = switchableCrm((summary) => (summary === 'A1' ? apiError(500, 'internal', 'bug') : null));
    state.up = true;
    const { app, clock } = await testApp(crm.fetch);
    await app.ctx.db.put('status', { changesCursor: null, lastSyncAt: null, me: null, lastProblem: { kind: 'unreachable', url: 'x', detail: 'down' } }, 'status');
    await enqueue(app.ctx.db, note('A1'), { now: clock.now });
    await app.drain();
    await getAccount(app.ctx, ACCOUNT_ID);
    await app.drain();
    expect(summaries(crm.callsTo('/v1/interactions'))).toEqual(['A1']);
  });

  it('flags cached answers offline while the CRM is unreachable, and tells the pages when that changes', async () => {
    const { crm, state } = switchableCrm();
    state.up = true;
    const { app, clock, notified } = await testApp(crm.fetch);
    createHandlers(app, identity);
    const fetchedAt = clock.now;
    expect(await getAccount(app.ctx, ACCOUNT_ID)).not.toHaveProperty('offline');

    state.up = false;
    clock.now += 10 * 60_000;
    const first = await getAccount(app.ctx, ACCOUNT_ID); // stale: refreshed in the background, which fails
    expect(first).toMatchObject({ stale: true, fetchedAt });
    await app.settled();
    expect(notified).toContainEqual({ all: true });
    expect(await getAccount(app.ctx, ACCOUNT_ID)).toMatchObject({ offline: true, fetchedAt, value: { account: { name: 'Bank Sinar' } } });
    expect(await getStatus(app.ctx)).toMatchObject({ offline: true, connected: false });

    state.up = true;
    await getAccount(app.ctx, ACCOUNT_ID);
    await app.settled();
    expect(await getAccount(app.ctx, ACCOUNT_ID)).not.toHaveProperty('offline');
    expect(await getStatus(app.ctx)).toMatchObject({ offline: false });
  });

  it('tells the pages about queued and refused writes, with their account', async () => {
    const { crm, state } = switchableCrm(() => apiError(422, 'validation', 'no'));
    state.up = true;
    const { app, clock, notified } = await testApp(crm.fetch);
    createHandlers(app, identity);
    await enqueue(app.ctx.db, note('refused'), { now: clock.now });
    await app.drain();
    expect(notified.filter((n) => n.outbox)).toEqual([
      { accountIds: [ACCOUNT_ID], outbox: true },
      { accountIds: [ACCOUNT_ID], outbox: true },
    ]);
  });
});
