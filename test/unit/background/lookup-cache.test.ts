import { describe, expect, it, vi } from 'vitest';
import { getAccount, getCommitments } from '../../../lib/background/account-reads';
import { lookupEmails, lookupThread } from '../../../lib/background/lookup';
import { FRESH_MS } from '../../../lib/background/swr';
import { ACCOUNT_ID, accountDetail, commitment, contactMatch, unknownMatch } from '../../support/crm-fixtures';
import { fakeCrm, type RecordedCall } from '../../support/fake-crm';
import { testApp } from '../../support/test-app';

/** A CRM that knows budi@bank-sinar.co.id and nobody else, optionally renaming him. */
function crmKnowingBudi(name = () => 'Budi Santoso') {
  return fakeCrm({
    'POST /v1/lookup': (call: RecordedCall) => ({
      json: {
        results: (call.body as { emails: string[] }).emails.map((e) =>
          e === 'budi@bank-sinar.co.id' ? contactMatch(e, name()) : unknownMatch(e),
        ),
      },
    }),
  });
}

/** A promise the test resolves when it chooses: a CRM answer held back. */
function gated() {
  let release = () => {};
  const gate = new Promise<void>((done) => (release = done));
  return { gate, release };
}

describe('lookup with cache', () => {
  it('asks the CRM once for all misses, in request order, and answers later calls from the cache', async () => {
    const crm = crmKnowingBudi();
    const { app } = await testApp(crm.fetch);
    const first = await lookupEmails(app.ctx, ['Budi@Bank-Sinar.co.id', 'nobody@elsewhere.test', 'budi@bank-sinar.co.id']);
    expect(first.map((r) => [r.email, r.match])).toEqual([
      ['budi@bank-sinar.co.id', 'contact'],
      ['nobody@elsewhere.test', 'unknown'],
    ]);
    expect(crm.callsTo('/v1/lookup')).toHaveLength(1);
    expect(crm.calls[0]?.body).toEqual({ emails: ['budi@bank-sinar.co.id', 'nobody@elsewhere.test'] });

    const second = await lookupEmails(app.ctx, ['nobody@elsewhere.test', 'budi@bank-sinar.co.id']);
    expect(second.map((r) => r.match)).toEqual(['unknown', 'contact']);
    expect(crm.callsTo('/v1/lookup')).toHaveLength(1);
  });

  it('never sends colleagues, never-look-up entries or non-addresses to the CRM', async () => {
    const crm = crmKnowingBudi();
    const { app } = await testApp(crm.fetch, { companyDomains: ['our-company.test'], neverLookUp: ['private.test', 'boss@bank-sinar.co.id'] });
    const results = await lookupEmails(app.ctx, [
      'dewi@our-company.test', 'ops@jakarta.our-company.test', 'friend@private.test', 'boss@bank-sinar.co.id', 'not an address', 'budi@bank-sinar.co.id',
    ]);
    expect(results.map((r) => r.match === 'excluded' ? r.reason : r.match)).toEqual([
      'colleague', 'colleague', 'never-look-up', 'never-look-up', 'not-an-address', 'contact',
    ]);
    const sent = crm.calls.flatMap((c) => (c.body as { emails: string[] }).emails);
    expect(sent).toEqual(['budi@bank-sinar.co.id']);
  });

  it('answers a lookup with only excluded addresses without any request', async () => {
    const crm = crmKnowingBudi();
    const { app } = await testApp(crm.fetch, { companyDomains: ['our-company.test'] });
    await lookupEmails(app.ctx, ['dewi@our-company.test']);
    expect(crm.calls).toHaveLength(0);
  });

  it('serves a stale answer at once, refreshes it in the background and tells the pages', async () => {
    let name = 'Budi Santoso';
    const crm = crmKnowingBudi(() => name);
    const { app, clock, notified } = await testApp(crm.fetch);
    await lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    name = 'Budi S. Santoso';
    clock.now += FRESH_MS + 1;

    const stale = await lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    expect(stale[0]).toMatchObject({ contact: { name: 'Budi Santoso' } });
    await app.settled();
    expect(crm.callsTo('/v1/lookup')).toHaveLength(2);
    expect(notified).toContainEqual({ emails: ['budi@bank-sinar.co.id'] });

    const fresh = await lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    expect(fresh[0]).toMatchObject({ contact: { name: 'Budi S. Santoso' } });
    expect(crm.callsTo('/v1/lookup')).toHaveLength(2);
  });

  it('keeps serving the cached answer while the CRM is unreachable', async () => {
    let up = true;
    const crm = fakeCrm({ 'POST /v1/lookup': () => (up ? { json: { results: [contactMatch('budi@bank-sinar.co.id')] } } : 'network-error') });
    const { app, clock } = await testApp(crm.fetch);
    await lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    up = false;
    clock.now += FRESH_MS + 1;
    const results = await lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    await app.settled();
    expect(results[0]?.match).toBe('contact');
    expect(crm.callsTo('/v1/lookup')).toHaveLength(2);
  });

  it('fails with the problem when an address is not cached and the CRM is unreachable', async () => {
    const crm = fakeCrm({ 'POST /v1/lookup': () => 'network-error' });
    const { app } = await testApp(crm.fetch);
    await expect(lookupEmails(app.ctx, ['budi@bank-sinar.co.id'])).rejects.toMatchObject({ problem: { kind: 'unreachable' } });
  });

  it('keeps cached answers when the CRM is unreachable and marks only the new addresses unavailable', async () => {
    let up = true;
    const crm = fakeCrm({ 'POST /v1/lookup': () => (up ? { json: { results: [contactMatch('budi@bank-sinar.co.id')] } } : 'network-error') });
    const { app } = await testApp(crm.fetch, { companyDomains: ['our-company.test'] });
    await lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    up = false;
    const results = await lookupEmails(app.ctx, ['budi@bank-sinar.co.id', 'new@client.test']);
    expect(results).toMatchObject([
      { match: 'contact', email: 'budi@bank-sinar.co.id' },
      { match: 'unavailable', email: 'new@client.test', problem: { kind: 'unreachable' } },
    ]);
    // An excluded address is answered locally and counts as an answer too.
    const mixed = await lookupEmails(app.ctx, ['dewi@our-company.test', 'other@client.test']);
    expect(mixed.map((r) => r.match)).toEqual(['excluded', 'unavailable']);
  });

  it('fails as not configured, without a request, when there is no URL or token', async () => {
    const crm = crmKnowingBudi();
    const { app } = await testApp(crm.fetch, null);
    await expect(lookupEmails(app.ctx, ['budi@bank-sinar.co.id'])).rejects.toMatchObject({ problem: { kind: 'not-configured' } });
    expect(crm.calls).toHaveLength(0);
  });

  it('joins a request already asking about an address instead of asking again', async () => {
    const { gate, release } = gated();
    const crm = fakeCrm({
      'POST /v1/lookup': async (call: RecordedCall) => {
        await gate;
        return { json: { results: (call.body as { emails: string[] }).emails.map((e) => (e.startsWith('budi') ? contactMatch(e) : unknownMatch(e))) } };
      },
    });
    const { app } = await testApp(crm.fetch);
    const first = lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    // The first question is at the CRM (not merely started) before the second is asked.
    await vi.waitFor(() => expect(crm.callsTo('/v1/lookup')).toHaveLength(1));
    const second = lookupEmails(app.ctx, ['budi@bank-sinar.co.id', 'nobody@elsewhere.test']);
    await vi.waitFor(() => expect(crm.callsTo('/v1/lookup')).toHaveLength(2));
    release();
    expect((await first).map((r) => r.match)).toEqual(['contact']);
    expect((await second).map((r) => r.match)).toEqual(['contact', 'unknown']);
    // Only the address nobody was asking about went out a second time.
    expect(crm.callsTo('/v1/lookup').map((c) => (c.body as { emails: string[] }).emails)).toEqual([['budi@bank-sinar.co.id'], ['nobody@elsewhere.test']]);
  });

  it('gives a joined request\'s failure to everyone waiting on it', async () => {
    const { gate, release } = gated();
    const crm = fakeCrm({ 'POST /v1/lookup': async () => { await gate; return 'network-error' as const; } });
    const { app } = await testApp(crm.fetch);
    const first = lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    await vi.waitFor(() => expect(crm.callsTo('/v1/lookup')).toHaveLength(1));
    const second = lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    release();
    await expect(first).rejects.toMatchObject({ problem: { kind: 'unreachable' } });
    await expect(second).rejects.toMatchObject({ problem: { kind: 'unreachable' } });
    expect(crm.callsTo('/v1/lookup')).toHaveLength(1);
  });

  it('asks about an address it never stored without reading the store first, and reads for those it did', async () => {
    const crm = crmKnowingBudi();
    const { app, db } = await testApp(crm.fetch);
    await lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    await app.settled();
    const opened = vi.spyOn(db, 'transaction');
    await lookupEmails(app.ctx, ['new.person@elsewhere.test']);
    expect(opened.mock.calls.filter(([store, mode]) => store === 'lookups' && mode !== 'readwrite')).toHaveLength(0);
    expect(crm.callsTo('/v1/lookup')).toHaveLength(2);
    opened.mockClear();
    expect((await lookupEmails(app.ctx, ['budi@bank-sinar.co.id', 'new.person@elsewhere.test'])).map((r) => r.match)).toEqual(['contact', 'unknown']);
    expect(opened.mock.calls.filter(([store, mode]) => store === 'lookups' && mode !== 'readwrite')).toHaveLength(1);
    expect(crm.callsTo('/v1/lookup')).toHaveLength(2);
  });

  it('still answers right when an answer it thinks stored was dropped from the store', async () => {
    const crm = crmKnowingBudi();
    const { app, db } = await testApp(crm.fetch);
    await lookupEmails(app.ctx, ['budi@bank-sinar.co.id']);
    await app.settled();
    await db.clear('lookups');
    expect((await lookupEmails(app.ctx, ['budi@bank-sinar.co.id'])).map((r) => r.match)).toEqual(['contact']);
    expect(crm.callsTo('/v1/lookup')).toHaveLength(2);
  });

  it('splits more than 100 misses into batches of 100', async () => {
    const crm = crmKnowingBudi();
    const { app } = await testApp(crm.fetch);
    const emails = Array.from({ length: 150 }, (_, i) => `p${i}@client.test`);
    const results = await lookupEmails(app.ctx, emails);
    expect(results).toHaveLength(150);
    expect(crm.callsTo('/v1/lookup').map((c) => (c.body as { emails: string[] }).emails.length)).toEqual([100, 50]);
  });

  it('reports a CRM answer that leaves out an address as an unexpected format', async () => {
    const crm = fakeCrm({ 'POST /v1/lookup': () => ({ json: { results: [] } }) });
    const { app } = await testApp(crm.fetch);
    await expect(lookupEmails(app.ctx, ['budi@bank-sinar.co.id'])).rejects.toMatchObject({
      problem: { kind: 'bad-format', path: 'results' },
    });
  });

  describe('reading ahead for a thread', () => {
    function crmWithAccount() {
      return fakeCrm({
        'POST /v1/lookup': (call: RecordedCall) => ({
          json: { results: (call.body as { emails: string[] }).emails.map((e) => (e.startsWith('budi') ? contactMatch(e) : unknownMatch(e))) },
        }),
        'GET /v1/accounts/*/commitments': () => ({ json: { items: [commitment()] } }),
        'GET /v1/accounts/*/timeline': () => ({ json: { items: [], nextCursor: null } }),
        'GET /v1/accounts/*': () => ({ json: accountDetail() }),
      });
    }

    function crmSendingCommitments(items = [commitment()]) {
      return fakeCrm({
        'POST /v1/lookup': (call: RecordedCall) => {
          const body = call.body as { emails: string[]; include?: string[] };
          const results = body.emails.map((e) => (e.startsWith('budi') ? contactMatch(e) : unknownMatch(e)));
          const named = results.some((r) => r.match === 'contact');
          // Also a list for an account no answer names: not stored.
          const other = '0f0e0d0c-0000-4000-8000-000000000001';
          const open = [...(named ? [{ accountId: ACCOUNT_ID, items }] : []), { accountId: other, items }];
          return { json: body.include?.includes('openCommitments') ? { results, openCommitments: open } : { results } };
        },
        'GET /v1/accounts/*/commitments': () => ({ json: { items: [] } }),
        'GET /v1/accounts/*': () => ({ json: accountDetail() }),
      });
    }

    it('asks for a thread\'s open commitments with its lookup, and the sidebar finds them stored', async () => {
      const crm = crmSendingCommitments();
      const { app, db } = await testApp(crm.fetch);
      await lookupEmails(app.ctx, ['budi@bank-sinar.co.id', 'nobody@elsewhere.test'], ['budi@bank-sinar.co.id', 'nobody@elsewhere.test']);
      await app.settled();
      expect(crm.calls[0]?.body).toEqual({ emails: ['budi@bank-sinar.co.id', 'nobody@elsewhere.test'], include: ['openCommitments'] });
      expect(crm.calls.map((c) => `${c.method} ${c.path}`).sort()).toEqual([`GET /v1/accounts/${ACCOUNT_ID}`, 'POST /v1/lookup']);
      const list = await getCommitments(app.ctx, ACCOUNT_ID, 'open');
      expect(list.value.items).toEqual([commitment()]);
      expect(list.stale).toBe(false);
      expect(await db.get('commitments', '0f0e0d0c-0000-4000-8000-000000000001|open')).toBeUndefined();
      expect(crm.calls).toHaveLength(2);
    });

    it('stores an empty list sent along, so a client with nothing open costs no second request', async () => {
      const crm = crmSendingCommitments([]);
      const { app } = await testApp(crm.fetch);
      await lookupEmails(app.ctx, ['budi@bank-sinar.co.id'], ['budi@bank-sinar.co.id']);
      expect((await getCommitments(app.ctx, ACCOUNT_ID, 'open')).value.items).toEqual([]);
      await app.settled();
      expect(crm.callsTo(`/v1/accounts/${ACCOUNT_ID}/commitments`)).toHaveLength(0);
    });

    it('answers the sidebar\'s thread lookup with the cached open commitments of its clients', async () => {
      const crm = crmSendingCommitments();
      const { app } = await testApp(crm.fetch);
      const emails = ['budi@bank-sinar.co.id', 'nobody@elsewhere.test'];
      // The page and the sidebar ask at the same time: one request, and the commitments came with it.
      const [fromPage, fromSidebar] = await Promise.all([lookupEmails(app.ctx, emails, emails), lookupThread(app.ctx, emails, emails)]);
      expect(fromSidebar.items).toEqual(fromPage);
      expect(Object.keys(fromSidebar.openCommitments)).toEqual([ACCOUNT_ID]);
      expect(fromSidebar.openCommitments[ACCOUNT_ID]).toMatchObject({ value: { items: [commitment()] }, stale: false });
      await app.settled();
      expect(crm.calls.map((c) => `${c.method} ${c.path}`).sort()).toEqual([`GET /v1/accounts/${ACCOUNT_ID}`, 'POST /v1/lookup']);
      // Asked again, everything comes from the cache.
      const again = await lookupThread(app.ctx, emails, emails);
      expect(again.openCommitments[ACCOUNT_ID]).toMatchObject({ value: { items: [commitment()] }, stale: false });
      expect(crm.calls).toHaveLength(2);
    });

    it('leaves out of a thread lookup the commitments not cached, without asking for them', async () => {
      // A CRM that sends nothing along, and answers commitments only after a while.
      const { gate, release } = gated();
      const crm = fakeCrm({
        'POST /v1/lookup': (call: RecordedCall) => ({ json: { results: (call.body as { emails: string[] }).emails.map((e) => contactMatch(e)) } }),
        'GET /v1/accounts/*/commitments': async () => { await gate; return { json: { items: [commitment()] } }; },
        'GET /v1/accounts/*': () => ({ json: accountDetail() }),
      });
      const { app } = await testApp(crm.fetch);
      const answer = await lookupThread(app.ctx, ['budi@bank-sinar.co.id'], ['budi@bank-sinar.co.id']);
      expect(answer.items.map((i) => i.match)).toEqual(['contact']);
      expect(answer.openCommitments).toEqual({});
      release();
      await app.settled();
      // The read-ahead still fetched them, once, for the sidebar's own question.
      expect(crm.callsTo(`/v1/accounts/${ACCOUNT_ID}/commitments`)).toHaveLength(1);
    });

    it('asks for nothing more with the lookups of a list', async () => {
      const crm = crmSendingCommitments();
      const { app } = await testApp(crm.fetch);
      await lookupEmails(app.ctx, ['budi@bank-sinar.co.id', 'nobody@elsewhere.test']);
      expect(crm.calls[0]?.body).toEqual({ emails: ['budi@bank-sinar.co.id', 'nobody@elsewhere.test'] });
    });

    it('fetches the account and open commitments of a thread\'s client once, from a CRM that sends nothing along', async () => {
      const crm = crmWithAccount();
      const { app } = await testApp(crm.fetch);
      await lookupEmails(app.ctx, ['budi@bank-sinar.co.id', 'nobody@elsewhere.test'], ['budi@bank-sinar.co.id', 'nobody@elsewhere.test']);
      await app.settled();
      expect(crm.calls.map((c) => `${c.method} ${c.path}${c.query.size > 0 ? `?${c.query}` : ''}`).sort()).toEqual([
        `GET /v1/accounts/${ACCOUNT_ID}`,
        `GET /v1/accounts/${ACCOUNT_ID}/commitments?status=open`,
        'POST /v1/lookup',
      ]);
      // The sidebar's own reads are answered from the cache.
      await getCommitments(app.ctx, ACCOUNT_ID, 'open');
      await getAccount(app.ctx, ACCOUNT_ID);
      expect(crm.calls).toHaveLength(3);
    });

    it('reads nothing ahead for list senders, or for people who are not clients', async () => {
      const crm = crmWithAccount();
      const { app } = await testApp(crm.fetch);
      await lookupEmails(app.ctx, ['budi@bank-sinar.co.id', 'nobody@elsewhere.test'], ['nobody@elsewhere.test']);
      await app.settled();
      expect(crm.calls.map((c) => c.path)).toEqual(['/v1/lookup']);
    });

    it('joins a sidebar read that starts while the read-ahead is on its way', async () => {
      const crm = crmWithAccount();
      const { app } = await testApp(crm.fetch);
      await lookupEmails(app.ctx, ['budi@bank-sinar.co.id'], ['budi@bank-sinar.co.id']);
      const list = await getCommitments(app.ctx, ACCOUNT_ID, 'open');
      await app.settled();
      expect(list.value.items).toHaveLength(1);
      expect(crm.callsTo(`/v1/accounts/${ACCOUNT_ID}/commitments`)).toHaveLength(1);
    });
  });
});
