import { describe, expect, it } from 'vitest';
import { lookupEmails } from '../../../lib/background/lookup';
import { enqueue } from '../../../lib/background/outbox/queue';
import { summary } from '../../support/crm-fixtures';
import { fakeCrm, type RecordedCall } from '../../support/fake-crm';
import { created, note, patchedAccount } from '../../support/outbox-fixtures';
import { testApp } from '../../support/test-app';

const EMAIL = 'budi@bank-sinar.co.id';
const answer = (level: 'watch' | 'ok') => (call: RecordedCall) => ({
  json: {
    results: (call.body as { emails: string[] }).emails.map((email) => ({
      match: 'account-domain', email,
      account: summary(level === 'ok' ? { risk: { level: 'ok', reasons: [] } } : {}),
    })),
  },
});

describe('risk in the mail tabs follows writes and the changes feed', () => {
  it('asks the CRM again about the addresses of an account a write touched, then tells the tabs', async () => {
    let level: 'watch' | 'ok' = 'watch';
    const crm = fakeCrm({ 'POST /v1/lookup': (call) => answer(level)(call), 'POST /v1/interactions': created });
    const rechecked: string[][] = [];
    const { app, clock } = await testApp(crm.fetch, {}, { recheck: (emails) => rechecked.push(emails) });
    expect(await lookupEmails(app.ctx, [EMAIL])).toMatchObject([{ account: { risk: { level: 'watch' } } }]);
    await app.ctx.db.get('lookups', EMAIL); // stored

    level = 'ok';
    await enqueue(app.ctx.db, note('Called Budi'), { now: clock.now });
    await app.drain();
    await app.settled();
    expect(rechecked).toEqual([[EMAIL]]);
    // The tab's next lookup finds the new answer in the cache, without asking again.
    const before = crm.callsTo('/v1/lookup').length;
    expect(await lookupEmails(app.ctx, [EMAIL])).toMatchObject([{ account: { risk: { level: 'ok' } } }]);
    expect(crm.callsTo('/v1/lookup')).toHaveLength(before);
  });

  it('an account given a domain: the addresses there it did not know are asked about again, and the tabs told', async () => {
    const STRANGER = 'procurement@sinar-group.example';
    const OTHER = 'someone@elsewhere.example';
    let known = false;
    const crm = fakeCrm({
      'POST /v1/lookup': (call) => ({
        json: {
          results: (call.body as { emails: string[] }).emails.map((email) => (known && email === STRANGER
            ? { match: 'account-domain', email, account: summary() }
            : { match: 'unknown', email })),
        },
      }),
      'PATCH /v1/accounts/*': patchedAccount,
    });
    const rechecked: string[][] = [];
    const { app, clock, notified } = await testApp(crm.fetch, {}, { recheck: (emails) => rechecked.push(emails) });
    expect(await lookupEmails(app.ctx, [STRANGER, OTHER])).toMatchObject([{ match: 'unknown' }, { match: 'unknown' }]);

    known = true;
    const write = { type: 'account-patch' as const, accountId: summary().id, body: { version: 3, domains: ['bank-sinar.co.id', 'sinar-group.example'] } };
    await enqueue(app.ctx.db, write, { now: clock.now });
    await app.drain();
    await app.settled();
    expect(rechecked).toContainEqual([STRANGER]);
    expect(notified).toContainEqual({ all: true });
    const before = crm.callsTo('/v1/lookup').length;
    expect(await lookupEmails(app.ctx, [STRANGER])).toMatchObject([{ match: 'account-domain', account: { id: summary().id } }]);
    expect(crm.callsTo('/v1/lookup')).toHaveLength(before);
  });

  it('tells the tabs about accounts the changes feed names', async () => {
    const crm = fakeCrm({
      'POST /v1/lookup': answer('ok'),
      'GET /v1/changes': () => ({ json: { changes: [{ type: 'account', id: summary().id, accountId: summary().id, changedAt: '2026-11-23T09:00:00.000Z' }], cursor: 'c1', more: false } }),
    });
    const rechecked: string[][] = [];
    const { app } = await testApp(crm.fetch, {}, { recheck: (emails) => rechecked.push(emails) });
    await lookupEmails(app.ctx, [EMAIL]);
    await app.sync();
    await app.settled();
    expect(rechecked).toEqual([[EMAIL]]);
  });

  it('tells the pages at once when the CRM turns out unreachable, before any write', async () => {
    const crm = fakeCrm({ 'GET /v1/changes': () => 'network-error' });
    const { app, notified } = await testApp(crm.fetch);
    await app.sync().catch(() => undefined);
    expect(notified).toContainEqual({});
  });
});
