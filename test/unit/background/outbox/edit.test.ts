import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../lib/background/handlers';
import { allItems, enqueue, retryFailed } from '../../../../lib/background/outbox/queue';
import { updateFailed } from '../../../../lib/background/outbox/edit';
import type { Sender } from '../../../../lib/background/sender';
import type { Write } from '../../../../lib/messaging/write';
import { ACCOUNT_ID, OTHER_ACCOUNT_ID } from '../../../support/crm-fixtures';
import { apiError, fakeCrm } from '../../../support/fake-crm';
import { created, note, summaries } from '../../../support/outbox-fixtures';
import { testApp } from '../../../support/test-app';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const identity = { extensionBaseUrl: `chrome-extension://${ID}/`, extensionId: ID };
const popup: Sender = { id: ID, url: `chrome-extension://${ID}/popup.html` };

/** A CRM that refuses notes containing NUL, as the real one does, and records what arrived. */
function refusingCrm() {
  return fakeCrm({
    'POST /v1/interactions': (call) =>
      (call.body as { summary: string }).summary.includes('\u0000')
        ? apiError(400, 'validation', 'body.summary: contains a NUL character', { field: 'body.summary' })
        : created(call),
  });
}

async function failedNote(summary = 'Called\u0000 Budi') {
  const crm = refusingCrm();
  const t = await testApp(crm.fetch);
  const queued = await enqueue(t.app.ctx.db, note(summary), { now: t.clock.now });
  await t.app.drain();
  return { ...t, crm, queued };
}

describe('editing a refused write', () => {
  it('sends the edited note with a new key, keeping its record id and its place', async () => {
    const { app, clock, crm, queued } = await failedNote();
    const edited = note('Called Budi');
    const key = await updateFailed(app.ctx.db, queued.key, edited, { now: clock.now });
    expect(key).not.toBe(queued.key);
    expect(await allItems(app.ctx.db)).toMatchObject([{ key, state: 'pending', attempts: 0, lastProblem: null, write: { body: { id: queued.id } } }]);
    await app.drain();
    expect(summaries(crm.calls)).toEqual(['Called\u0000 Budi', 'Called Budi']);
    expect(crm.calls[1]?.headers.get('idempotency-key')).toBe(key);
    expect((crm.calls[1]?.body as { id: string }).id).toBe(queued.id);
  });

  it('keeps the key when nothing changed (the refusal left it unused)', async () => {
    const { app, clock, queued } = await failedNote();
    const [stored] = await allItems(app.ctx.db);
    expect(await updateFailed(app.ctx.db, queued.key, stored!.write, { now: clock.now })).toBe(queued.key);
  });

  it.each<[string, Write, string]>([
    ['another kind of write', { type: 'commitment', body: { accountId: ACCOUNT_ID, contactId: null, text: 'x', dueDate: null, sourceInteractionId: null } }, 'write.type'],
    ['another record id', { type: 'interaction', body: { ...(note('x') as Extract<Write, { type: 'interaction' }>).body, id: '99999999-9999-4999-8999-999999999999' } }, 'write.body.id'],
  ])('refuses an edit into %s and keeps the write as it was', async (_, edit, path) => {
    const { app, clock, queued } = await failedNote();
    await expect(updateFailed(app.ctx.db, queued.key, edit, { now: clock.now })).rejects.toMatchObject({ problem: { kind: 'invalid-request', path } });
    expect(await allItems(app.ctx.db)).toMatchObject([{ key: queued.key, state: 'failed', write: { body: { summary: 'Called\u0000 Budi' } } }]);
  });

  it('refuses to edit a write that is still on its way', async () => {
    const crm = fakeCrm({ 'POST /v1/interactions': () => 'network-error' });
    const { app, clock } = await testApp(crm.fetch);
    const { key } = await enqueue(app.ctx.db, note('waiting'), { now: clock.now });
    await expect(updateFailed(app.ctx.db, key, note('changed'), { now: clock.now })).rejects.toMatchObject({ problem: { path: 'key' } });
  });

  it('moves an edited note to the account it now names', async () => {
    const { app, clock, queued } = await failedNote();
    await updateFailed(app.ctx.db, queued.key, note('Called Budi', OTHER_ACCOUNT_ID), { now: clock.now });
    expect(await allItems(app.ctx.db)).toMatchObject([{ group: `account:${OTHER_ACCOUNT_ID}` }]);
  });

  it('is a message for extension pages that answers the outbox, or the reason it refused', async () => {
    const { app, queued, crm } = await failedNote();
    const handlers = createHandlers(app, identity);
    const status = await handlers.getOutboxStatus(undefined, popup);
    expect(status).toMatchObject({ ok: true, value: { failed: 1, items: [{ key: queued.key, recordId: queued.id, accountId: ACCOUNT_ID, write: { type: 'interaction' } }] } });
    const refused = await handlers.updateFailedWrite({ key: queued.key, write: { type: 'interaction', body: { accountId: 'nope', kind: 'note', summary: 'x' } } }, popup);
    expect(refused).toMatchObject({ ok: false, problem: { kind: 'invalid-request', path: 'write.body.accountId' } });
    const answer = await handlers.updateFailedWrite({ key: queued.key, write: { type: 'interaction', body: { accountId: ACCOUNT_ID, kind: 'note', summary: 'Called Budi' } } }, popup);
    expect(answer).toMatchObject({ ok: true, value: { failed: 0, pending: 1 } });
    await app.settled();
    expect(summaries(crm.calls).at(-1)).toBe('Called Budi');
    expect(await allItems(app.ctx.db)).toEqual([]);
  });
});

describe('send now', () => {
  it('makes a write that waits out its backoff due at once', async () => {
    const crm = fakeCrm({ 'POST /v1/interactions': () => 'network-error' });
    const { app, clock } = await testApp(crm.fetch);
    const { key } = await enqueue(app.ctx.db, note('waiting'), { now: clock.now });
    await app.drain();
    expect(await retryFailed(app.ctx.db, key, clock.now)).toBe(true);
    expect(await allItems(app.ctx.db)).toMatchObject([{ nextAttemptAt: clock.now, state: 'pending' }]);
  });
});
