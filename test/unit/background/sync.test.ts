import { describe, expect, it } from 'vitest';
import { STARTUP_SYNC_AFTER_MS } from '../../../lib/background/app';
import { readStatus } from '../../../lib/background/db';
import { lookupEmails } from '../../../lib/background/lookup';
import { ACCOUNT_ID, CONTACT_ID, ME, OTHER_ACCOUNT_ID, contactMatch, unknownMatch } from '../../support/crm-fixtures';
import { fakeCrm } from '../../support/fake-crm';
import { testApp } from '../../support/test-app';

const AT = '2026-11-23T08:00:00.000Z';
const change = (type: string, accountId: string) => ({ type, id: CONTACT_ID, accountId, changedAt: AT });

describe('changes feed', () => {
  it('follows pages, stores the cursor and marks changed accounts stale', async () => {
    const pages: Record<string, unknown> = {
      '': { changes: [change('interaction', ACCOUNT_ID)], cursor: 'c1', more: true },
      c1: { changes: [change('commitment', ACCOUNT_ID)], cursor: 'c2', more: false },
      c2: { changes: [], cursor: 'c2', more: false },
    };
    const crm = fakeCrm({
      'GET /v1/changes': (call) => ({ json: pages[call.query.get('since') ?? ''] }),
      'POST /v1/lookup': (call) => ({
        json: { results: (call.body as { emails: string[] }).emails.map((e) => (e.startsWith('budi') ? contactMatch(e) : unknownMatch(e))) },
      }),
    });
    const { app, notified } = await testApp(crm.fetch);
    await lookupEmails(app.ctx, ['budi@bank-sinar.co.id', 'new@bank-sinar.co.id']);

    const report = await app.sync();
    expect(report).toEqual({ changes: 2, accountIds: [ACCOUNT_ID] });
    const status = await readStatus(app.ctx.db);
    expect(status.changesCursor).toBe('c2');
    expect(status.lastSyncAt).not.toBeNull();
    expect((await app.ctx.db.get('lookups', 'budi@bank-sinar.co.id'))?.fetchedAt).toBe(0);
    // The first run has no cursor: unknown addresses might have become contacts meanwhile.
    expect((await app.ctx.db.get('lookups', 'new@bank-sinar.co.id'))?.fetchedAt).toBe(0);
    // …so the tabs look up all they show again, not only the changed account's people.
    expect(notified).toContainEqual({ all: true });

    await app.sync();
    expect(crm.callsTo('/v1/changes').map((c) => c.query.get('since'))).toEqual([null, 'c1', 'c2']);
  });

  it('starts at the head of the feed when it has no cursor, taking everything cached as stale', async () => {
    const crm = fakeCrm({
      'GET /v1/changes': (call) => ({
        json: call.query.get('from') === 'now'
          ? { changes: [], cursor: 'head', more: false }
          : { changes: [change('interaction', OTHER_ACCOUNT_ID)], cursor: 'next', more: false },
      }),
      'POST /v1/lookup': (call) => ({
        json: { results: (call.body as { emails: string[] }).emails.map((e) => (e.startsWith('budi') ? contactMatch(e) : unknownMatch(e))) },
      }),
    });
    const { app, notified } = await testApp(crm.fetch);
    await lookupEmails(app.ctx, ['budi@bank-sinar.co.id', 'new@bank-sinar.co.id']);
    await app.sync();
    // No history read: the feed names no account, yet what the cache holds may predate the head.
    expect(crm.callsTo('/v1/changes').map((c) => [c.query.get('from'), c.query.get('since')])).toEqual([['now', null]]);
    expect((await readStatus(app.ctx.db)).changesCursor).toBe('head');
    expect((await app.ctx.db.get('lookups', 'budi@bank-sinar.co.id'))?.fetchedAt).toBe(0);
    expect((await app.ctx.db.get('lookups', 'new@bank-sinar.co.id'))?.fetchedAt).toBe(0);
    expect(notified).toContainEqual({ all: true });

    await app.sync();
    expect(crm.callsTo('/v1/changes').map((c) => [c.query.get('from'), c.query.get('since')])).toEqual([['now', null], [null, 'head']]);
  });

  it('re-checks unknown addresses only when contacts or accounts changed', async () => {
    const crm = fakeCrm({
      'GET /v1/changes': (call) => ({
        json: call.query.get('since') === 'c1'
          ? { changes: [change('contact', OTHER_ACCOUNT_ID)], cursor: 'c2', more: false }
          : { changes: [], cursor: 'c1', more: false },
      }),
      'POST /v1/lookup': (call) => ({ json: { results: (call.body as { emails: string[] }).emails.map(unknownMatch) } }),
    });
    const { app, notified } = await testApp(crm.fetch);
    await app.sync();
    await lookupEmails(app.ctx, ['new@client.test']);
    expect((await app.ctx.db.get('lookups', 'new@client.test'))?.fetchedAt).toBeGreaterThan(0);
    notified.length = 0;
    await app.sync();
    expect((await app.ctx.db.get('lookups', 'new@client.test'))?.fetchedAt).toBe(0);
    // The tabs are told, so a sender shown as unknown is asked about again without a reload.
    expect(notified).toEqual([{ all: true }]);
  });

  it('tells the tabs only of the accounts whose interactions or commitments changed', async () => {
    const crm = fakeCrm({
      'GET /v1/changes': (call) => ({
        json: call.query.get('since') === 'c1'
          ? { changes: [change('interaction', ACCOUNT_ID), change('commitment', OTHER_ACCOUNT_ID)], cursor: 'c2', more: false }
          : { changes: [], cursor: 'c1', more: false },
      }),
    });
    const { app, notified } = await testApp(crm.fetch);
    await app.sync();
    notified.length = 0;
    await app.sync();
    expect(notified).toEqual([{ accountIds: [ACCOUNT_ID, OTHER_ACCOUNT_ID] }]);
  });
});

describe('worker start-up', () => {
  it('reads who the user is and the changes feed, but not again within a minute', async () => {
    const crm = fakeCrm({
      'GET /v1/me': () => ({ json: ME }),
      'GET /v1/changes': () => ({ json: { changes: [], cursor: 'c1', more: false } }),
    });
    const { app, clock } = await testApp(crm.fetch);
    await app.startup();
    expect((await readStatus(app.ctx.db)).me).toEqual(ME);
    clock.now += STARTUP_SYNC_AFTER_MS - 1;
    await app.startup();
    expect(crm.callsTo('/v1/changes')).toHaveLength(1);
    clock.now += 2;
    await app.startup();
    expect(crm.callsTo('/v1/changes')).toHaveLength(2);
    expect(crm.callsTo('/v1/me')).toHaveLength(2);
  });
});
