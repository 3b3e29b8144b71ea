import { describe, expect, it } from 'vitest';
import { getAccount, getCommitments, getTimeline } from '../../../lib/background/account-reads';
import { invalidateAccounts } from '../../../lib/background/invalidate';
import { lookupEmails } from '../../../lib/background/lookup';
import { ACCOUNT_ID, accountDetail, commitment, contactMatch } from '../../support/crm-fixtures';
import { fakeCrm } from '../../support/fake-crm';
import { testApp } from '../../support/test-app';

describe('account, timeline and commitments cache', () => {
  it('caches account details and answers stale ones at once while refreshing', async () => {
    let name = 'Bank Sinar';
    const crm = fakeCrm({ 'GET /v1/accounts/*': () => ({ json: accountDetail(name) }) });
    const { app, notified } = await testApp(crm.fetch);
    expect((await getAccount(app.ctx, ACCOUNT_ID)).value.account.name).toBe('Bank Sinar');
    expect((await getAccount(app.ctx, ACCOUNT_ID)).stale).toBe(false);
    expect(crm.calls).toHaveLength(1);

    name = 'Bank Sinar Tbk';
    await invalidateAccounts(app.ctx.db, [ACCOUNT_ID]);
    const stale = await getAccount(app.ctx, ACCOUNT_ID);
    expect(stale).toMatchObject({ stale: true, value: { account: { name: 'Bank Sinar' } } });
    await app.settled();
    expect(notified).toContainEqual({ accountIds: [ACCOUNT_ID] });
    expect((await getAccount(app.ctx, ACCOUNT_ID)).value.account.name).toBe('Bank Sinar Tbk');
  });

  it('caches only the first timeline page, per kind filter, and passes the filter on', async () => {
    const crm = fakeCrm({ 'GET /v1/accounts/*/timeline': () => ({ json: { items: [], nextCursor: 'next-1' } }) });
    const { app } = await testApp(crm.fetch);
    await getTimeline(app.ctx, ACCOUNT_ID, undefined, undefined);
    await getTimeline(app.ctx, ACCOUNT_ID, undefined, undefined);
    await getTimeline(app.ctx, ACCOUNT_ID, undefined, ['note', 'call']);
    await getTimeline(app.ctx, ACCOUNT_ID, 'next-1', undefined);
    await getTimeline(app.ctx, ACCOUNT_ID, 'next-1', undefined);
    const queries = crm.calls.map((c) => c.query.toString());
    expect(queries).toEqual(['', 'kind=note%2Ccall', 'cursor=next-1', 'cursor=next-1']);
  });

  it('caches commitments per status', async () => {
    const crm = fakeCrm({ 'GET /v1/accounts/*/commitments': () => ({ json: { items: [commitment()] } }) });
    const { app } = await testApp(crm.fetch);
    await getCommitments(app.ctx, ACCOUNT_ID, 'open');
    await getCommitments(app.ctx, ACCOUNT_ID, 'open');
    const all = await getCommitments(app.ctx, ACCOUNT_ID, 'all');
    expect(all.value.items[0]?.text).toBe('Send the revised SLA');
    expect(crm.calls.map((c) => c.query.get('status'))).toEqual(['open', 'all']);
  });

  it('invalidating an account marks its lookups stale too, but no other account', async () => {
    const crm = fakeCrm({
      'POST /v1/lookup': (call) => ({ json: { results: (call.body as { emails: string[] }).emails.map((e) => contactMatch(e)) } }),
    });
    const { app } = await testApp(crm.fetch);
    await lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    await invalidateAccounts(app.ctx.db, ['99999999-9999-4999-8999-999999999999']);
    expect((await app.ctx.db.get('lookups', 'budi@bank-sinar.co.id'))?.fetchedAt).toBeGreaterThan(0);
    await invalidateAccounts(app.ctx.db, [ACCOUNT_ID]);
    expect((await app.ctx.db.get('lookups', 'budi@bank-sinar.co.id'))?.fetchedAt).toBe(0);
  });
});
