import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { HttpError } from '../http/errors';
import { rejectUnstorableText } from '../http/write';
import { availableBackends } from './support/backends';
import { client } from './support/client';
import { countRows } from './support/fixtures';
import { useTestApp } from './support/test-app';

const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';

describe('rejectUnstorableText', () => {
  const fieldOf = (value: unknown): string | undefined => {
    try {
      rejectUnstorableText(value, 'body');
      return undefined;
    } catch (err) {
      expect(err).toBeInstanceOf(HttpError);
      return (err as HttpError).field;
    }
  };

  it('names the field of a lone surrogate or NUL, at any depth, and lets paired surrogates through', () => {
    expect(fieldOf({ a: 'ok 🙂', b: ['x', { c: 'y' }] })).toBeUndefined();
    expect(fieldOf({ a: `x${LONE_HIGH}` })).toBe('body.a');
    expect(fieldOf({ a: [`ok`, `${LONE_LOW}y`] })).toBe('body.a.1');
    expect(fieldOf({ a: { b: 'a\u0000b' } })).toBe('body.a.b');
    // Reversed halves are two lone surrogates, not a pair.
    expect(fieldOf({ a: '\udc00\ud800' })).toBe('body.a');
  });

  it('checks object keys too (stored as they are in JSON columns), naming the object', () => {
    expect(fieldOf({ prefs: { [`k${LONE_HIGH}`]: 'v' } })).toBe('body.prefs');
    expect(fieldOf({ prefs: { 'k\u0000': 'v' } })).toBe('body.prefs');
  });
});

describe.each(availableBackends())('text the database cannot store as sent, on $name', (backend) => {
  const { t, teams: [f], app, api } = useTestApp(backend);
  let commitmentId: string;

  beforeAll(async () => {
    const made = await api.post<{ commitment: { id: string } }>('/v1/commitments', { accountId: f.accountId, text: 'call back' });
    commitmentId = made.body.commitment.id;
  });

  const note = (extra: Record<string, unknown>) => ({ accountId: f.accountId, kind: 'note', summary: 'ok', ...extra });

  it.each([
    ['a note summary', 'POST', '/v1/interactions', () => note({ summary: `half ${LONE_HIGH} a pair` }), 'body.summary'],
    ['a low half alone', 'POST', '/v1/interactions', () => note({ summary: `${LONE_LOW}` }), 'body.summary'],
    ['a thread id', 'POST', '/v1/interactions', () => note({ threadId: `t${LONE_HIGH}` }), 'body.threadId'],
    ['a promise in a note', 'POST', '/v1/interactions', () => note({ commitments: [{ text: 'ok' }, { text: `x${LONE_HIGH}` }] }), 'body.commitments.1.text'],
    ['a commitment', 'POST', '/v1/commitments', () => ({ accountId: f.accountId, text: `x${LONE_LOW}` }), 'body.text'],
    ['a commitment edit', 'PATCH', () => `/v1/commitments/${commitmentId}`, () => ({ version: 1, text: `x${LONE_HIGH}` }), 'body.text'],
    ['a contact name', 'POST', '/v1/contacts', () => ({ name: `A${LONE_HIGH}`, emails: ['a@new.example'], accountId: f.accountId }), 'body.name'],
    ['a contact role', 'POST', '/v1/contacts', () => ({ name: 'A', role: LONE_LOW, emails: ['a@new.example'], accountId: f.accountId }), 'body.role'],
    ['a new account name', 'POST', '/v1/contacts', () => ({ name: 'A', emails: ['a@new.example'], newAccount: { name: `N${LONE_HIGH}` } }), 'body.newAccount.name'],
    ['a looked-up address', 'POST', '/v1/lookup', () => ({ emails: [f.email, `x${LONE_HIGH}@alpha-client.co.id`] }), 'body.emails.1'],
  ] as const)('a lone surrogate in %s is a 400 naming the field, and nothing is written', async (_label, method, path, body, field) => {
    const before = await countRows(t.db);
    const url = typeof path === 'string' ? path : path();
    // JSON.stringify writes a lone surrogate as the escape "\ud800", as a client would send it.
    const res = await api.call(method, url, body());
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'validation', field } });
    expect(await countRows(t.db)).toEqual(before);
  });

  it('a surrogate pair (an emoji) is stored and answered as sent', async () => {
    const summary = 'Signed 🎉 with 𝔘𝔫𝔦𝔠𝔬𝔡𝔢';
    const res = await api.post<{ interaction: { id: string; summary: string } }>('/v1/interactions', note({ summary }));
    expect(res.status).toBe(201);
    expect(res.body.interaction.summary).toBe(summary);
    const { rows } = await t.db.query<{ summary: string }>('select summary from interactions where id = $1', [res.body.interaction.id]);
    expect(rows[0]?.summary).toBe(summary);
  });

  it('a body that is not UTF-8 is a 400, not text with U+FFFD written in its place', async () => {
    const before = await countRows(t.db);
    const head = Buffer.from(JSON.stringify(note({ summary: 'XX' })).replace('XX', '\u0001\u0002'));
    // CESU-8 of U+D800 (ED A0 80), then a lone continuation byte, where the summary goes.
    for (const bad of [[0xed, 0xa0, 0x80], [0x80], [0xff]]) {
      const bytes = Buffer.from(head);
      const i = bytes.indexOf(1);
      const body = Buffer.concat([bytes.subarray(0, i), Buffer.from(bad), bytes.subarray(i + 2)]);
      const res = await app.request('/v1/interactions', {
        method: 'POST',
        headers: { Authorization: `Bearer ${f.token}`, 'Content-Type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'validation', field: 'body', message: expect.stringMatching(/UTF-8/) } });
    }
    expect(await countRows(t.db)).toEqual(before);
  });

  it.each([
    ['/v1/changes?since=%ED%A0%80', 'query.since'],
    ['/v1/changes?limit=10&since=abc%80', 'query.since'],
    ['/v1/accounts/{a}/commitments?status=%ED%B0%80', 'query.status'],
    ['/v1/accounts/{a}/timeline?cursor=%ED%A0%80', 'query.cursor'],
    ['/v1/accounts/{a}/timeline?kind=note%2C%ED%A0%80', 'query.kind'],
    // A parameter the route ignores too: Hono would hand its text on undecoded.
    ['/v1/changes?limit=5&note=%ED%A0%80', 'query.note'],
    ['/v1/accounts/{a}/commitments?x=%F0%9F', 'query.x'],
    ['/v1/accounts/%ED%A0%80', 'path.id'],
    ['/v1/accounts/%ED%A0%80/timeline', 'path.id'],
  ])('GET %s, a lone surrogate or broken UTF-8 in the URL, is a 400 naming %s', async (path, field) => {
    const res = await api.get(path.replace('{a}', f.accountId));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'validation', field } });
  });

  it('the query check comes after the token check, as every 400 does (401 first)', async () => {
    const res = await client(app, 'crm_not-a-token').get(`/v1/accounts/${f.accountId}/timeline?cursor=%ED%A0%80`);
    expect(res.status).toBe(401);
    const changes = await client(app, 'crm_not-a-token').get('/v1/changes?since=%ED%A0%80');
    expect(changes.status).toBe(401);
  });

  it('well-formed percent-encoding still reads as before', async () => {
    const res = await api.get(`/v1/accounts/${f.accountId}/timeline?kind=note%2Ccall&limit=%35`);
    expect(res.status).toBe(200);
    const other = await api.get(`/v1/accounts/${randomUUID()}/commitments?status=%61ll`);
    expect(other.status).toBe(404);
  });
});
