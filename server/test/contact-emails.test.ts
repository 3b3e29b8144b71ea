import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccountDetail, ApiError, ChangesPage, ContactCreated, ContactResult } from '../../lib/api';
import { availableBackends } from './support/backends';
import { countRows } from './support/fixtures';
import { ALPHA, BETA, useTestApp } from './support/test-app';

describe.each(availableBackends())('adding addresses and people on $name', (backend) => {
  const { t, teams: [a, b], api, client } = useTestApp(backend, { teams: [ALPHA, BETA] });
  const add = (contactId: string, emails: unknown, headers?: Record<string, string>) =>
    api.post(`/v1/contacts/${contactId}/emails`, { emails }, headers);

  it('adds addresses after the ones the contact has, keeps those it has, and the lookup finds them', async () => {
    const cursor = ChangesPage.parse((await api.get('/v1/changes?limit=1000')).body).cursor;
    const res = await add(a.contactId, [' Buyer.Two@Alpha-Client.co.id ', a.email, 'buyer.home@personal.example']);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(ContactResult.parse(res.body).contact.emails).toEqual([a.email, 'buyer.two@alpha-client.co.id', 'buyer.home@personal.example']);
    const lookup = await api.post<{ results: { match: string; contact?: { id: string } }[] }>('/v1/lookup', { emails: ['buyer.home@personal.example'] });
    expect(lookup.body.results[0]).toMatchObject({ match: 'contact', contact: { id: a.contactId } });
    const feed = ChangesPage.parse((await api.get(`/v1/changes?since=${cursor}`)).body);
    expect(feed.changes).toEqual([expect.objectContaining({ type: 'contact', id: a.contactId, accountId: a.accountId })]);
  });

  it("an address another contact of the team has is 409 naming it; another team's contact is 404; nothing written", async () => {
    const other = await api.post('/v1/contacts', { name: 'Second', emails: ['second@alpha-client.co.id'], accountId: a.accountId });
    expect(other.status).toBe(201);
    const before = await countRows(t.db);
    const taken = await add(a.contactId, ['fresh@alpha-client.co.id', 'second@alpha-client.co.id']);
    expect(taken.status).toBe(409);
    expect(ApiError.parse(taken.body).error).toMatchObject({ code: 'conflict', field: 'body.emails.1' });
    const theirs = await add(b.contactId, ['x@beta-client.ro']);
    const unknown = await add(randomUUID(), ['x@beta-client.ro']);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(unknown.body);
    expect(await countRows(t.db)).toEqual(before);
    // Another team may hold the same address: addresses are unique per team.
    expect((await client(b).post(`/v1/contacts/${b.contactId}/emails`, { emails: ['fresh@alpha-client.co.id'] })).status).toBe(200);
  });

  it.each([
    [[], 'body.emails'],
    [['not-an-address'], 'body.emails.0'],
    ['x@y.example', 'body.emails'],
    [Array.from({ length: 21 }, (_, i) => `p${i}@alpha-client.co.id`), 'body.emails'],
  ])('refuses emails %j with a 400 naming %s', async (emails, field) => {
    const res = await add(a.contactId, emails);
    expect(res.status).toBe(400);
    expect(ApiError.parse(res.body).error.field).toBe(field);
  });

  it('an Idempotency-Key replays the answer and writes once', async () => {
    const key = { 'Idempotency-Key': `emails-${randomUUID()}` };
    const first = await add(a.contactId, ['once@alpha-client.co.id'], key);
    const before = await countRows(t.db);
    const replay = await add(a.contactId, ['once@alpha-client.co.id'], key);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await countRows(t.db)).toEqual(before);
  });

  it('POST /v1/contacts with accountId adds a person to an existing account', async () => {
    const res = await api.post('/v1/contacts', { name: 'Dewi', emails: ['dewi@alpha-client.co.id'], role: 'CFO', accountId: a.accountId });
    expect(res.status).toBe(201);
    const made = ContactCreated.parse(res.body);
    expect(made.contact).toMatchObject({ accountId: a.accountId, name: 'Dewi', role: 'CFO', emails: ['dewi@alpha-client.co.id'] });
    expect(made.account.id).toBe(a.accountId);
    const detail = AccountDetail.parse((await api.get(`/v1/accounts/${a.accountId}`)).body);
    expect(detail.contacts.map((c) => c.name)).toContain('Dewi');
    expect((await api.post('/v1/contacts', { name: 'X', emails: ['x@alpha-client.co.id'], accountId: b.accountId })).status).toBe(404);
  });
});
