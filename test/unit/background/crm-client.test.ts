import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildUrl, createCrmClient } from '../../../lib/background/crm-client';
import type { Problem } from '../../../lib/messaging/problem';
import { ProblemError } from '../../../lib/messaging/problem-error';
import { ME, contactMatch } from '../../support/crm-fixtures';
import { apiError, fakeCrm, type Reply } from '../../support/fake-crm';

const connection = { apiUrl: 'https://crm.example.test', token: 'tok-123' };

async function problemOf(reply: Reply): Promise<Problem> {
  const crm = fakeCrm({ 'GET /v1/me': () => reply });
  const error = await createCrmClient(connection, { fetch: crm.fetch })('me').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problem;
}

const listen = (server: Server) =>
  new Promise<string>((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

describe('CRM client', () => {
  it('follows no redirect: a write never goes anywhere but the saved address', async () => {
    let elsewhere = 0;
    const other = createServer((_req, res) => { elsewhere++; res.end('{}'); });
    const otherUrl = await listen(other);
    const crm = createServer((_req, res) => { res.writeHead(307, { Location: `${otherUrl}/v1/interactions` }); res.end(); });
    const crmUrl = await listen(crm);
    try {
      const error = await createCrmClient({ apiUrl: crmUrl, token: 'tok-123' })('createInteraction', {
        body: { accountId: '00000000-0000-4000-8000-000000000001', kind: 'note', summary: 'private' },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).problem.kind).toBe('unreachable');
      expect(elsewhere).toBe(0);
    } finally {
      other.close();
      crm.close();
    }
  });

  it('sends the bearer token and returns the validated answer', async () => {
    const crm = fakeCrm({ 'GET /v1/me': () => ({ json: ME }) });
    const me = await createCrmClient(connection, { fetch: crm.fetch })('me');
    expect(me.team.name).toBe('Jakarta Enterprise');
    expect(crm.calls[0]?.headers.get('authorization')).toBe('Bearer tok-123');
  });

  it('normalises what the schema normalises (addresses lower-cased)', async () => {
    const crm = fakeCrm({ 'POST /v1/lookup': () => ({ json: { results: [{ ...contactMatch('x@y.test'), email: 'X@Y.TEST' }] } }) });
    const answer = await createCrmClient(connection, { fetch: crm.fetch })('lookup', { body: { emails: ['x@y.test'] } });
    expect(answer.results[0]?.email).toBe('x@y.test');
    expect(crm.calls[0]?.body).toEqual({ emails: ['x@y.test'] });
  });

  it.each<[string, Reply, Problem]>([
    ['a refused connection', 'network-error', { kind: 'unreachable', url: connection.apiUrl, detail: 'Failed to fetch' }],
    ['a timeout', 'timeout', { kind: 'unreachable', url: connection.apiUrl, detail: 'no answer within 15 s' }],
    ['401', apiError(401, 'unauthorized', 'bad token'), { kind: 'unauthorized', url: connection.apiUrl }],
    ['409 with the current record', apiError(409, 'conflict', 'stale version', { details: { version: 3 } }), { kind: 'conflict', message: 'stale version', details: { version: 3 } }],
    ['409 naming the taken value', apiError(409, 'conflict', 'x.test already belongs to another account', { field: 'body.domains.0' }), { kind: 'conflict', message: 'x.test already belongs to another account', details: undefined, field: 'body.domains.0' }],
    ['400 naming a field', apiError(400, 'validation', 'too long', { field: 'body.summary' }), { kind: 'rejected', status: 400, message: 'too long', field: 'body.summary' }],
    ['422 without a field', apiError(422, 'validation', 'nothing to change'), { kind: 'rejected', status: 422, message: 'nothing to change' }],
    ['500 with a message', apiError(500, 'internal', 'database is down'), { kind: 'server', status: 500, message: 'database is down' }],
    ['502 from a proxy, as HTML', { status: 502, text: '<html>Bad gateway</html>' }, { kind: 'server', status: 502, message: 'HTTP 502' }],
    ['404', apiError(404, 'not_found', 'no such account'), { kind: 'server', status: 404, message: 'no such account' }],
    ['200 that is not JSON', { text: '<html>login page</html>' }, { kind: 'bad-format', path: '(body)', detail: 'the answer is not JSON' }],
    ['200 with an empty body', { text: '' }, { kind: 'bad-format', path: '(body)', detail: 'the answer is not JSON' }],
  ])('turns %s into a problem', async (_, reply, expected) => {
    expect(await problemOf(reply)).toEqual(expected);
  });

  it.each<[string, unknown, string]>([
    ['a missing object', { team: ME.team }, 'user'],
    ['a wrong type deep inside', { ...ME, user: { ...ME.user, active: 'yes' } }, 'user.active'],
    ['an invalid address', { ...ME, user: { ...ME.user, email: 'not-an-address' } }, 'user.email'],
    ['an array instead of an object', [], '(root)'],
    ['null', null, '(root)'],
  ])('names the field path of %s', async (_, json, path) => {
    const problem = await problemOf({ json });
    expect(problem).toMatchObject({ kind: 'bad-format', path });
  });

  it('sends the idempotency key and a JSON body with writes', async () => {
    const crm = fakeCrm({ 'PATCH /v1/commitments/*': () => apiError(409, 'conflict', 'changed') });
    const client = createCrmClient(connection, { fetch: crm.fetch });
    await client('patchCommitment', { params: { id: 'c 1' }, body: { version: 1, status: 'done' }, idempotencyKey: 'w-key-0001' }).catch(() => undefined);
    const call = crm.calls[0];
    expect(call?.path).toBe('/v1/commitments/c%201');
    expect(call?.headers.get('idempotency-key')).toBe('w-key-0001');
    expect(call?.headers.get('content-type')).toBe('application/json');
  });
});

describe('buildUrl', () => {
  it.each([
    ['https://crm.test', '/v1/me', {}, 'https://crm.test/v1/me'],
    ['https://crm.test/', '/v1/me', {}, 'https://crm.test/v1/me'],
    ['https://crm.test/api', '/v1/accounts/{id}', { params: { id: 'a/b' } }, 'https://crm.test/api/v1/accounts/a%2Fb'],
    ['https://crm.test', '/v1/changes', { query: { since: 'c 1', limit: 5, skip: undefined } }, 'https://crm.test/v1/changes?since=c+1&limit=5'],
  ])('%s + %s', (base, path, call, expected) => {
    expect(buildUrl(base, path, call)).toBe(expected);
  });

  it('refuses a path with a missing parameter', () => {
    expect(() => buildUrl('https://crm.test', '/v1/accounts/{id}', {})).toThrow(/missing path parameter id/);
  });
});
