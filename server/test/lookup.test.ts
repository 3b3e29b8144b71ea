import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupResponse, type LookupMatch } from '../../lib/api';
import { DEFAULT_RISK_SETTINGS } from '../../lib/risk';
import { createApp } from '../app';
import { setRiskSettings } from '../store/users';
import { availableBackends, type TestDatabase } from './support/backends';
import { client } from './support/client';
import { countingDb } from './support/counting-db';
import { insertAccount, insertContact, makeTeam, type TeamFixture } from './support/fixtures';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const DAY = 86_400_000;

describe.each(availableBackends())('lookup on $name', (backend) => {
  let t: TestDatabase;
  let a: TeamFixture;
  let counter: ReturnType<typeof countingDb>;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await backend.create();
    a = await makeTeam(t.db, 'alpha', 'alpha-client.co.id');
    counter = countingDb(t.db);
    api = client(createApp({ db: counter.db, now: () => NOW }), a.token);
  });
  afterAll(() => t.dispose());

  const lookup = async (emails: string[]) => {
    const res = await api.post('/v1/lookup', { emails });
    expect(res.status).toBe(200);
    return LookupResponse.parse(res.body).results;
  };

  it('answers contact, account-domain and unknown, in request order, duplicates collapsed', async () => {
    const results = await lookup([' Buyer@Alpha-Client.co.id ', 'new.person@alpha-client.co.id', 'x@nowhere.example', 'buyer@alpha-client.co.id']);
    expect(results.map((r) => [r.match, r.email])).toEqual([
      ['contact', a.email],
      ['account-domain', 'new.person@alpha-client.co.id'],
      ['unknown', 'x@nowhere.example'],
    ]);
    const first = results[0] as Extract<LookupMatch, { match: 'contact' }>;
    expect(first.contact.id).toBe(a.contactId);
    expect(first.account).toMatchObject({ id: a.accountId, stage: 'prospect', openCommitments: 0 });
    expect(first.account.owner?.id).toBe(a.userId);
  });

  it('answers JSON as JSON.stringify would write it, stored summaries spliced in as they are', async () => {
    const app = createApp({ db: t.db, now: () => NOW });
    const res = await app.request('/v1/lookup', {
      method: 'POST',
      headers: { Authorization: `Bearer ${a.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ emails: [a.email, `x@${a.domain}`, 'x@nowhere.example', a.email] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    // No CORS unless an operator lists origins (http-security.test.ts).
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const text = await res.text();
    expect(text).toBe(JSON.stringify(LookupResponse.parse(JSON.parse(text))));
  });

  it('never matches a free-mail domain, even when an account lists it', async () => {
    // Written straight to the table: the API itself refuses free-mail domains on accounts.
    await insertAccount(t.db, a.teamId, { name: 'Gmail users', domains: ['gmail.com'] });
    const gmailContact = await insertContact(t.db, a.teamId, a.accountId, 'Private address', ['boss.private@gmail.com']);
    const results = await lookup(['stranger@gmail.com', 'boss.private@gmail.com', 'someone@GMAIL.com']);
    expect(results.map((r) => r.match)).toEqual(['unknown', 'contact', 'unknown']);
    expect((results[1] as Extract<LookupMatch, { match: 'contact' }>).contact.id).toBe(gmailContact);
  });

  it('explains risk from the facts: silence against the cadence, problems only, no active owner', async () => {
    const id = await insertAccount(t.db, a.teamId, { name: 'Quiet bank', ownerId: a.colleagueId, domains: ['quiet-bank.my'], cadenceDays: 14 });
    const person = await insertContact(t.db, a.teamId, id, 'Treasurer', ['treasurer@quiet-bank.my']);
    for (const [daysAgo, kind, direction] of [[40, 'outage', 'inbound'], [45, 'billing', 'inbound'], [50, 'complaint', 'inbound']] as const) {
      await t.db.query(
        `insert into interactions (id, team_id, account_id, kind, direction, occurred_at, summary, contact_ids)
         values ($1, $2, $3, $4, $5, $6, 'x', $7::uuid[])`,
        [randomUUID(), a.teamId, id, kind, direction, new Date(NOW.getTime() - daysAgo * DAY), [person]],
      );
    }
    await t.db.query('update users set active = false where id = $1', [a.colleagueId]);
    const [r] = await lookup(['treasurer@quiet-bank.my']);
    await t.db.query('update users set active = true where id = $1', [a.colleagueId]);
    if (r?.match !== 'contact') throw new Error('expected a contact match');
    expect(r.account.lastContactAt).toBe(new Date(NOW.getTime() - 40 * DAY).toISOString());
    expect(r.account.contactsInTouch).toBe(1);
    expect(r.account.risk.level).toBe('at-risk');
    const codes = r.account.risk.reasons.map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['silence', 'only-problems', 'no-owner', 'single-threaded']));
    expect(r.account.risk.reasons.find((x) => x.code === 'silence')).toMatchObject({ days: 40, expectedDays: 14, basis: 'cadence' });
  });

  it('finds competitors named by the team\'s settings, and the last contact beyond the fact window', async () => {
    await setRiskSettings(t.db, a.teamId, { ...DEFAULT_RISK_SETTINGS, competitors: ['Telkom'] });
    const id = await insertAccount(t.db, a.teamId, { name: 'Old friend', ownerId: a.userId, domains: ['old-friend.ro'] });
    const rows: [number, string][] = [[800, 'met at the fair'], [10, 'They are talking to Telkom about fibre']];
    for (const [daysAgo, summary] of rows) {
      await t.db.query(
        `insert into interactions (id, team_id, account_id, kind, direction, occurred_at, summary)
         values ($1, $2, $3, 'call', $4, $5, $6)`,
        [randomUUID(), a.teamId, id, daysAgo === 10 ? 'internal' : 'outbound', new Date(NOW.getTime() - daysAgo * DAY), summary],
      );
    }
    const [r] = await lookup(['anyone@old-friend.ro']);
    if (r?.match !== 'account-domain') throw new Error('expected a domain match');
    expect(r.account.lastContactAt).toBe(new Date(NOW.getTime() - 800 * DAY).toISOString());
    expect(r.account.risk.reasons).toContainEqual({ code: 'competitor-mentioned', competitor: 'Telkom', daysAgo: 10 });
  });

  it('costs the same few statements for 1 address as for 100, and one once summaries are stored', async () => {
    for (let i = 0; i < 30; i++) {
      const id = await insertAccount(t.db, a.teamId, { name: `Client ${i}`, ownerId: a.userId, domains: [`client-${i}.example`] });
      await insertContact(t.db, a.teamId, id, `Person ${i}`, [`p${i}@client-${i}.example`]);
    }
    counter.reset();
    await lookup(['p0@client-0.example']);
    const one = counter.count();
    const many = Array.from({ length: 100 }, (_, i) => (i < 30 ? `p${i}@client-${i}.example` : `other${i}@client-${i % 30}.example`));
    counter.reset();
    const results = await lookup(many);
    expect(results).toHaveLength(100);
    expect(results.filter((r) => r.match === 'contact')).toHaveLength(30);
    expect(results.filter((r) => r.match === 'account-domain')).toHaveLength(70);
    expect(counter.count()).toBe(one);
    // the caller, matches and stored summaries in one; to compute the missing ones: accounts,
    // facts, competitor summaries, last contacts beyond the window; storing them
    expect(one).toBeLessThanOrEqual(6);
    counter.reset();
    expect(await lookup(many)).toEqual(results);
    expect(counter.count()).toBe(1);
  });

  it('sends the open commitments of the matched accounts along when asked, as the commitments route lists them', async () => {
    const id = await insertAccount(t.db, a.teamId, { name: 'Promised a lot', ownerId: a.userId, domains: ['promised.example'] });
    const person = await insertContact(t.db, a.teamId, id, 'Buyer', ['buyer@promised.example']);
    const made: string[] = [];
    for (const [text, dueDate] of [['Send the price list', '2026-12-01'], ['Call back', null], ['Visit the plant', '2026-11-25']] as const) {
      const res = await api.post<{ commitment: { id: string } }>('/v1/commitments', { accountId: id, contactId: person, text, ...(dueDate ? { dueDate } : {}) });
      expect(res.status).toBe(201);
      made.push(res.body.commitment.id);
    }
    const done = await api.patch(`/v1/commitments/${made[1]}`, { version: 1, status: 'done' });
    expect(done.status).toBe(200);

    const res = await api.post('/v1/lookup', { emails: ['buyer@promised.example', 'other@promised.example', a.email, 'x@nowhere.example'], include: ['openCommitments'] });
    expect(res.status).toBe(200);
    const answer = LookupResponse.parse(res.body);
    expect(answer.results.map((r) => r.match)).toEqual(['contact', 'account-domain', 'contact', 'unknown']);
    // Each matched account once, with exactly what the commitments route answers for it.
    expect(answer.openCommitments?.map((o) => o.accountId)).toEqual([id, a.accountId]);
    for (const { accountId, items } of answer.openCommitments ?? []) {
      const listed = await api.get<{ items: unknown[] }>(`/v1/accounts/${accountId}/commitments?status=open`);
      expect(items).toEqual(listed.body.items);
    }
    expect(answer.openCommitments?.[0]?.items.map((c) => c.text)).toEqual(['Visit the plant', 'Send the price list']);
    expect(answer.openCommitments?.[1]?.items).toEqual([]);

    // Not asked, not sent; nothing matched, an empty map.
    expect(Object.keys((await api.post('/v1/lookup', { emails: ['buyer@promised.example'] })).body as object)).toEqual(['results']);
    const none = await api.post('/v1/lookup', { emails: ['x@nowhere.example'], include: ['openCommitments'] });
    expect(none.body).toEqual({ results: [{ match: 'unknown', email: 'x@nowhere.example' }], openCommitments: [] });
  });

  it.each([
    [{ emails: ['a@x.example'], include: ['everything'] }, 'body.include.0'],
    [{ emails: ['a@x.example'], include: 'openCommitments' }, 'body.include'],
    [{ emails: [] }, 'body.emails'],
    [{ emails: Array.from({ length: 101 }, (_, i) => `a${i}@x.example`) }, 'body.emails'],
    [{ emails: ['a@x.example', 'not-an-address'] }, 'body.emails.1'],
    [{ emails: 'a@x.example' }, 'body.emails'],
    [{}, 'body.emails'],
  ])('a bad request is 400 naming the field (%#)', async (body, field) => {
    const res = await api.post('/v1/lookup', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'validation', field } });
  });
});
