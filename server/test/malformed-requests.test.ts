import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../app';
import { availableBackends } from './support/backends';
import { countRows, type TeamFixture } from './support/fixtures';
import { useTestApp } from './support/test-app';

type Case = [label: string, method: string, path: (f: TeamFixture) => string, body: (f: TeamFixture) => unknown, status: number, field: string | undefined];

const note = (f: TeamFixture, extra: Record<string, unknown> = {}) => ({ accountId: f.accountId, kind: 'note', summary: 'ok', ...extra });

// Every one must answer 4xx JSON naming the field, and write nothing.
const CASES: Case[] = [
  ['malformed JSON', 'POST', () => '/v1/interactions', () => '{"accountId": ', 400, 'body'],
  ['empty body', 'POST', () => '/v1/interactions', () => '', 400, 'body'],
  ['JSON that is not an object', 'POST', () => '/v1/interactions', () => [1, 2], 400, 'body'],
  ['missing accountId', 'POST', () => '/v1/interactions', () => ({ kind: 'note', summary: 'x' }), 400, 'body.accountId'],
  ['accountId not a uuid', 'POST', () => '/v1/interactions', (f) => note(f, { accountId: 'abc' }), 400, 'body.accountId'],
  ['unknown kind', 'POST', () => '/v1/interactions', (f) => note(f, { kind: 'party' }), 400, 'body.kind'],
  ['empty summary', 'POST', () => '/v1/interactions', (f) => note(f, { summary: '   ' }), 400, 'body.summary'],
  ['summary too long', 'POST', () => '/v1/interactions', (f) => note(f, { summary: 'x'.repeat(20_001) }), 400, 'body.summary'],
  ['bad occurredAt', 'POST', () => '/v1/interactions', (f) => note(f, { occurredAt: 'yesterday' }), 400, 'body.occurredAt'],
  ['amount not a number', 'POST', () => '/v1/interactions', (f) => note(f, { amount: '12' }), 400, 'body.amount'],
  ['bad contact id in a list', 'POST', () => '/v1/interactions', (f) => note(f, { contactIds: [f.contactId, 'x'] }), 400, 'body.contactIds.1'],
  ['unknown contact in a list', 'POST', () => '/v1/interactions', (f) => note(f, { contactIds: [randomUUID()] }), 404, 'body.contactIds.0'],
  ['bad promise due date', 'POST', () => '/v1/interactions', (f) => note(f, { commitments: [{ text: 'a' }, { text: 'b', dueDate: '2026-13-01' }] }), 400, 'body.commitments.1.dueDate'],
  ['NUL character in text', 'POST', () => '/v1/interactions', (f) => note(f, { summary: 'a\u0000b' }), 400, 'body.summary'],
  ['NUL character in a promise', 'POST', () => '/v1/interactions', (f) => note(f, { commitments: [{ text: 'ok' }, { text: '\u0000' }] }), 400, 'body.commitments.1.text'],
  ['year 0 date', 'POST', () => '/v1/interactions', (f) => note(f, { occurredAt: '0000-01-01T00:00:00Z' }), 400, 'body.occurredAt'],
  ['year 0 due date', 'POST', () => '/v1/commitments', (f) => ({ accountId: f.accountId, text: 'x', dueDate: '0000-01-01' }), 400, undefined],
  ['version beyond 32 bits', 'PATCH', () => `/v1/commitments/${randomUUID()}`, () => ({ version: 2 ** 40, status: 'done' }), 400, undefined],
  ['unknown account', 'POST', () => '/v1/interactions', (f) => note(f, { accountId: randomUUID() }), 404, 'body.accountId'],
  ['commitment without text', 'POST', () => '/v1/commitments', (f) => ({ accountId: f.accountId }), 400, 'body.text'],
  ['commitment source interaction unknown', 'POST', () => '/v1/commitments', (f) => ({ accountId: f.accountId, text: 'x', sourceInteractionId: randomUUID() }), 404, 'body.sourceInteractionId'],
  ['patch version missing', 'PATCH', () => `/v1/commitments/${randomUUID()}`, () => ({ status: 'done' }), 400, 'body.version'],
  ['patch status unknown', 'PATCH', () => `/v1/commitments/${randomUUID()}`, () => ({ version: 1, status: 'finished' }), 400, 'body.status'],
  ['patch path id not a uuid', 'PATCH', () => '/v1/commitments/123', () => ({ version: 1, status: 'done' }), 400, 'path.id'],
  ['contact with a bad address', 'POST', () => '/v1/contacts', (f) => ({ name: 'A', emails: ['a@x.example', 'a@b@c', 'c@x.example', 'd'], accountId: f.accountId }), 400, 'body.emails.1'],
  ['contact with neither account nor newAccount', 'POST', () => '/v1/contacts', () => ({ name: 'A', emails: ['a@x.example'] }), 400, 'body.accountId'],
  ['contact with an address already taken', 'POST', () => '/v1/contacts', (f) => ({ name: 'A', emails: ['fresh@x.example', f.email], accountId: f.accountId }), 409, 'body.emails.1'],
  ['new account with a bad domain', 'POST', () => '/v1/contacts', () => ({ name: 'A', emails: ['a@x.example'], newAccount: { name: 'X', domains: ['not a domain'] } }), 400, 'body.newAccount.domains.0'],
  ['new account with a free-mail domain', 'POST', () => '/v1/contacts', () => ({ name: 'A', emails: ['a@x.example'], newAccount: { name: 'X', domains: ['x.example', 'gmail.com'] } }), 400, 'body.newAccount.domains.1'],
  ['new account with a domain already taken', 'POST', () => '/v1/contacts', (f) => ({ name: 'A', emails: ['a@x.example'], newAccount: { name: 'X', domains: [f.domain] } }), 409, 'body.newAccount.domains.0'],
  ['account path id not a uuid', 'GET', () => '/v1/accounts/nope', () => undefined, 400, 'path.id'],
  ['changes limit too big', 'GET', () => '/v1/changes?limit=5000', () => undefined, 400, 'query.limit'],
  ['unknown route', 'GET', () => '/v1/nothing-here', () => undefined, 404, undefined],
  ['unknown route outside /v1', 'GET', () => '/nothing-here', () => undefined, 404, undefined],
  ['wrong method', 'DELETE', (f) => `/v1/accounts/${f.accountId}`, () => undefined, 405, undefined],
  ['wrong method on a create', 'GET', () => '/v1/interactions', () => undefined, 405, undefined],
];

describe.each(availableBackends())('malformed requests on $name', (backend) => {
  const { t, teams: [f], api } = useTestApp(backend);

  it.each(CASES)('%s → %s %s', async (_label, method, path, body, status, field) => {
    const before = await countRows(t.db);
    const res = await api.call(method, path(f), body(f));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const error = (res.body as { error: { code: string; message: string; field?: string } }).error;
    expect(error.message.length).toBeGreaterThan(0);
    if (field !== undefined) expect(error.field).toBe(field);
    expect(await countRows(t.db)).toEqual(before);
  });

  it('a body over 1 MB is 413 and writes nothing', async () => {
    const before = await countRows(t.db);
    const res = await api.post('/v1/interactions', note(f, { summary: 'x'.repeat(MAX_BODY_BYTES + 10) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'too_large' } });
    expect(await countRows(t.db)).toEqual(before);
  });

  it('the same requests succeed once corrected (the table tests the field, not a broken route)', async () => {
    expect((await api.post('/v1/interactions', note(f))).status).toBe(201);
    expect((await api.post('/v1/contacts', { name: 'A', emails: ['ok@x.example'], newAccount: { name: 'X', domains: ['x.example'] } })).status).toBe(201);
  });
});
