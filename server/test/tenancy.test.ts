import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { availableBackends } from './support/backends';
import { client } from './support/client';
import { countRows } from './support/fixtures';
import { ALPHA, BETA, useTestApp } from './support/test-app';

describe.each(availableBackends())('tenancy on $name', (backend) => {
  const { t, teams: [a, b], app } = useTestApp(backend, { teams: [ALPHA, BETA] });

  const samplePath = (path: string, id: string) => path.replace('{id}', id);
  const authed = Object.values(ENDPOINTS).filter((e) => e.auth);

  it.each(authed.map((e) => [e.method, e.path] as const))('%s %s without a token is 401 JSON', async (method, path) => {
    const res = await client(app).call(method.toUpperCase(), samplePath(path, randomUUID()), method === 'get' ? undefined : {});
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it.each(['Bearer nope', 'Basic abc', 'Bearer ', 'crm_abc'])('a wrong token (%s) is 401', async (header) => {
    const res = await client(app).get('/v1/me', { Authorization: header });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('a deactivated user is 401', async () => {
    await t.db.query('update users set active = false where id = $1', [b.userId]);
    const res = await client(app, b.token).get('/v1/me');
    await t.db.query('update users set active = true where id = $1', [b.userId]);
    expect(res.status).toBe(401);
  });

  // The lookup and the timeline resolve the token within their own query: the same 401s, also
  // when the request is wrong in other ways too.
  it.each([
    ['POST', '/v1/lookup', { emails: ['someone@alpha-client.co.id'] }, 200],
    ['POST', '/v1/lookup', { emails: 'not a list' }, 400],
    ['GET', '/v1/accounts/{a}/timeline', undefined, 200],
    ['GET', '/v1/accounts/not-an-id/timeline?limit=0', undefined, 400],
    ['GET', '/v1/accounts/{a}/timeline?cursor=not-a-cursor', undefined, 400],
  ])('%s %s with an unknown token, or a deactivated user\'s, is 401 (%#)', async (method, path, body, withValidToken) => {
    const url = path.replace('{a}', a.accountId);
    const unknown = await client(app, 'crm_not-a-token-of-anyone').call(method, url, body);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ error: { code: 'unauthorized', field: 'header.authorization' } });
    await t.db.query('update users set active = false where id = $1', [a.userId]);
    try {
      expect((await client(app, a.token).call(method, url, body)).status).toBe(401);
    } finally {
      await t.db.query('update users set active = true where id = $1', [a.userId]);
    }
    expect((await client(app, a.token).call(method, url, body)).status).toBe(withValidToken);
  });

  it('each user sees their own team', async () => {
    const res = await client(app, a.token).get<{ user: { id: string }; team: { id: string } }>('/v1/me');
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(a.userId);
    expect(res.body.team.id).toBe(a.teamId);
  });

  it.each([
    ['account', (id: string) => `/v1/accounts/${id}`],
    ['timeline', (id: string) => `/v1/accounts/${id}/timeline`],
    ['commitments', (id: string) => `/v1/accounts/${id}/commitments`],
  ])('GET %s of another team is 404, the same as a missing one', async (_name, path) => {
    const theirs = await client(app, a.token).get(path(b.accountId));
    const missing = await client(app, a.token).get(path(randomUUID()));
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
    const mine = await client(app, a.token).get(path(a.accountId));
    expect(mine.status).toBe(200);
  });

  it('writes naming another team\'s records are 404 naming the field, and write nothing', async () => {
    const api = client(app, a.token);
    const before = await countRows(t.db);
    const cases: [string, string, unknown, string][] = [
      ['POST', '/v1/interactions', { accountId: b.accountId, kind: 'note', summary: 'x' }, 'body.accountId'],
      ['POST', '/v1/interactions', { accountId: a.accountId, kind: 'note', summary: 'x', contactIds: [a.contactId, b.contactId] }, 'body.contactIds.1'],
      ['POST', '/v1/interactions', { accountId: a.accountId, kind: 'note', summary: 'x', commitments: [{ text: 'y', ownerId: b.userId }] }, 'body.commitments.0.ownerId'],
      ['POST', '/v1/commitments', { accountId: b.accountId, text: 'x' }, 'body.accountId'],
      ['POST', '/v1/commitments', { accountId: a.accountId, text: 'x', ownerId: b.userId }, 'body.ownerId'],
      ['POST', '/v1/commitments', { accountId: a.accountId, text: 'x', contactId: b.contactId }, 'body.contactId'],
      ['POST', '/v1/contacts', { name: 'x', emails: ['new@x.example'], accountId: b.accountId }, 'body.accountId'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await api.call(method, path, body);
      expect(res.status, `${path} ${field}`).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'not_found', field } });
    }
    expect(await countRows(t.db)).toEqual(before);
  });

  it('patching another team\'s commitment is 404', async () => {
    const made = await client(app, b.token).post<{ commitment: { id: string } }>('/v1/commitments', {
      accountId: b.accountId, text: 'send the contract',
    });
    expect(made.status).toBe(201);
    const res = await client(app, a.token).patch(`/v1/commitments/${made.body.commitment.id}`, { version: 1, status: 'done' });
    expect(res.status).toBe(404);
    const still = await t.db.query<{ status: string }>('select status from commitments where id = $1', [made.body.commitment.id]);
    expect(still.rows[0]?.status).toBe('open');
  });

  it('lookup never matches another team\'s contacts or domains', async () => {
    const res = await client(app, a.token).post<{ results: { match: string }[] }>('/v1/lookup', {
      emails: [b.email, `someone@${b.domain}`, a.email],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.match)).toEqual(['unknown', 'unknown', 'contact']);
    // Nor sends another team's commitments along.
    await client(app, b.token).post('/v1/commitments', { accountId: b.accountId, text: 'beta promise' });
    const withOpen = await client(app, a.token).post<{ openCommitments: { accountId: string }[] }>('/v1/lookup', {
      emails: [b.email, `someone@${b.domain}`, a.email],
      include: ['openCommitments'],
    });
    expect(withOpen.body.openCommitments.map((o) => o.accountId)).toEqual([a.accountId]);
  });

  it('the changes feed only lists the caller\'s team', async () => {
    await client(app, b.token).post('/v1/interactions', { accountId: b.accountId, kind: 'call', summary: 'beta call' });
    const res = await client(app, a.token).get<{ changes: { accountId: string }[] }>('/v1/changes');
    expect(res.status).toBe(200);
    expect(res.body.changes.every((c) => c.accountId !== b.accountId)).toBe(true);
    const theirs = await client(app, b.token).get<{ changes: { accountId: string }[] }>('/v1/changes');
    expect(theirs.body.changes.some((c) => c.accountId === b.accountId)).toBe(true);
  });
});
