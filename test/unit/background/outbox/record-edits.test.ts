import { describe, expect, it } from 'vitest';
import { allItems, enqueue } from '../../../../lib/background/outbox/queue';
import { summarise } from '../../../../lib/background/outbox/summary';
import { Write as WriteSchema, type Write } from '../../../../lib/messaging/write';
import { rebased, theirVersion } from '../../../../lib/messaging/write-text';
import { ACCOUNT_ID, CONTACT_ID, INTERACTION_ID, account, interaction } from '../../../support/crm-fixtures';
import { apiError, fakeCrm, type RecordedCall } from '../../../support/fake-crm';
import {
  created, deletedInteraction, note, patchedAccount, patchedInteraction, restoredInteraction,
} from '../../../support/outbox-fixtures';
import { testApp } from '../../../support/test-app';

const setOwner: Write = { type: 'account-patch', accountId: ACCOUNT_ID, body: { version: 1, ownerId: null, cadenceDays: 14 } };
const edit = (summary: string, id = INTERACTION_ID): Write =>
  ({ type: 'interaction-patch', interactionId: id, accountId: ACCOUNT_ID, body: { version: 1, summary } });
const del = (id = INTERACTION_ID): Write => ({ type: 'interaction-delete', interactionId: id, accountId: ACCOUNT_ID });
const restore = (id = INTERACTION_ID): Write => ({ type: 'interaction-restore', interactionId: id, accountId: ACCOUNT_ID });
const addAddress: Write = { type: 'contact-emails', contactId: CONTACT_ID, accountId: ACCOUNT_ID, body: { emails: ['budi@home.test'] } };

const sent = (calls: RecordedCall[]) => calls.map((c) => `${c.method} ${c.path}`);

describe('outbox: changes to records that exist', () => {
  it.each<[string, Write, string]>([
    ['an account change', setOwner, `PATCH /v1/accounts/${ACCOUNT_ID}`],
    ['an edited note', edit('Called about the new SLA'), `PATCH /v1/interactions/${INTERACTION_ID}`],
    ['a deletion', del(), `DELETE /v1/interactions/${INTERACTION_ID}`],
    ['a restore', restore(), `POST /v1/interactions/${INTERACTION_ID}/restore`],
    ['an address for a contact', addAddress, `POST /v1/contacts/${CONTACT_ID}/emails`],
  ])('sends %s once, with its key, and tells the pages its account changed', async (_, write, call) => {
    const crm = fakeCrm({
      'PATCH /v1/accounts/*': patchedAccount,
      'PATCH /v1/interactions/*': patchedInteraction,
      'DELETE /v1/interactions/*': deletedInteraction,
      'POST /v1/interactions/*/restore': restoredInteraction,
      'POST /v1/contacts/*/emails': () => ({ json: { contact: {
        id: CONTACT_ID, accountId: ACCOUNT_ID, name: 'Budi', emails: ['budi@bank-sinar.co.id', 'budi@home.test'], role: null, phone: null,
        createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z',
      } } }),
    });
    const { app, clock, notified } = await testApp(crm.fetch);
    const { key, id } = await enqueue(app.ctx.db, write, { now: clock.now });
    expect(id).not.toBeNull(); // the record it changes, for the page to follow
    expect(await app.drain()).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(sent(crm.calls)).toEqual([call]);
    expect(crm.calls[0]?.headers.get('idempotency-key')).toBe(key);
    expect(crm.calls[0]?.body).toEqual('body' in write ? write.body : undefined);
    expect(notified).toContainEqual(expect.objectContaining({ accountIds: [ACCOUNT_ID] }));
    expect(await allItems(app.ctx.db)).toEqual([]);
  });

  it.each([
    ['an account change with nothing in it', { type: 'account-patch', accountId: ACCOUNT_ID, body: { version: 1 } }],
    ['a rhythm of no days', { type: 'account-patch', accountId: ACCOUNT_ID, body: { version: 1, cadenceDays: 0 } }],
    ['a deletion without the record', { type: 'interaction-delete', accountId: ACCOUNT_ID }],
    ['an address that is not one', { ...addAddress, body: { emails: ['budi at home'] } }],
  ])('refuses %s when it is queued, while the user still has it in front of them', (_, write) => {
    expect(WriteSchema.safeParse(write).success).toBe(false);
  });

  it('edits and deletes a note only after the write creating it arrived, in the order they were made', async () => {
    let up = false;
    const crm = fakeCrm({
      'POST /v1/interactions': (call) => (up ? created(call) : 'network-error'),
      'PATCH /v1/interactions/*': patchedInteraction,
      'DELETE /v1/interactions/*': deletedInteraction,
      'POST /v1/interactions/*/restore': restoredInteraction,
    });
    const { app, clock } = await testApp(crm.fetch);
    const { id } = await enqueue(app.ctx.db, note('Called Budi'), { now: clock.now });
    for (const write of [edit('Called Budi about the SLA', id as string), del(id as string), restore(id as string)]) {
      await enqueue(app.ctx.db, write, { now: clock.now });
    }
    expect(summarise(await allItems(app.ctx.db)).items.slice(1).map((i) => i.recordId)).toEqual([id, id, id]);
    await app.drain();
    expect(sent(crm.calls)).toEqual(['POST /v1/interactions']); // the others wait for it
    up = true;
    clock.now += 3_600_000;
    await app.drain();
    expect(sent(crm.calls).slice(1)).toEqual([
      'POST /v1/interactions', `PATCH /v1/interactions/${id}`, `DELETE /v1/interactions/${id}`, `POST /v1/interactions/${id}/restore`,
    ]);
    // Delete and restore are two writes with two keys: each applied once, both applied.
    const keys = crm.calls.slice(2).map((c) => c.headers.get('idempotency-key'));
    expect(new Set(keys).size).toBe(3);
  });

  it.each<[string, Write, unknown, { text: string; status: string }]>([
    ['an account', setOwner, { account: account({ version: 4, name: 'Bank Sinar Tbk', stage: 'loyal' }) }, { text: 'Bank Sinar Tbk', status: 'loyal' }],
    ['a note', edit('mine'), { interaction: interaction({ version: 3, summary: 'theirs', kind: 'call' }) }, { text: 'theirs', status: 'call' }],
  ])('keeps both versions of %s on a 409, and "keep mine" goes on top of theirs', async (_, write, details, words) => {
    const crm = fakeCrm({
      'PATCH /v1/accounts/*': () => apiError(409, 'conflict', 'changed meanwhile', { details }),
      'PATCH /v1/interactions/*': () => apiError(409, 'conflict', 'changed meanwhile', { details }),
    });
    const { app, clock } = await testApp(crm.fetch);
    await enqueue(app.ctx.db, write, { now: clock.now });
    expect(await app.drain()).toMatchObject({ failed: 1 });
    const [item] = summarise(await allItems(app.ctx.db)).items;
    expect(item).toMatchObject({ state: 'failed', problem: { kind: 'conflict' }, conflict: { mine: (write as { body: unknown }).body, theirs: details } });
    const theirs = theirVersion(item?.conflict?.theirs);
    expect(theirs).toMatchObject(words);
    expect(rebased(write, theirs!)).toMatchObject({ body: { version: theirs!.version } });
    clock.now += 24 * 3_600_000;
    await app.drain();
    expect(crm.calls).toHaveLength(1); // a conflict is not retried by itself
  });

  it('keeps a change refused because the user may not make it, with the reason', async () => {
    const crm = fakeCrm({ 'DELETE /v1/interactions/*': () => apiError(403, 'forbidden', 'only the author may delete this note') });
    const { app, clock } = await testApp(crm.fetch);
    await enqueue(app.ctx.db, del(), { now: clock.now });
    expect(await app.drain()).toMatchObject({ failed: 1 });
    expect(await allItems(app.ctx.db)).toMatchObject([{ state: 'failed', lastProblem: { kind: 'server', status: 403, message: 'only the author may delete this note' } }]);
  });
});
