import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { availableBackends } from './support/backends';
import { countRows, type TeamFixture } from './support/fixtures';
import { ALPHA, BETA, useTestApp } from './support/test-app';

type Kind = 'interaction' | 'commitment' | 'contact';

/** A create of each kind that takes a client-made id, for team `f`. */
const creates: Record<Kind, { path: string; body: (f: TeamFixture, id: string) => Record<string, unknown> }> = {
  interaction: { path: '/v1/interactions', body: (f, id) => ({ id, accountId: f.accountId, kind: 'note', summary: 'met' }) },
  commitment: { path: '/v1/commitments', body: (f, id) => ({ id, accountId: f.accountId, text: 'send the offer' }) },
  contact: {
    path: '/v1/contacts',
    body: (f, id) => ({ id, name: 'New person', emails: [`p-${id.slice(0, 8)}@${f.domain}`], accountId: f.accountId }),
  },
};

describe.each(availableBackends())('client-made ids on $name', (backend) => {
  const setUp = useTestApp(backend, { teams: [ALPHA, BETA] });
  const { t, teams: [a, b] } = setUp;
  const api = { a: setUp.api, b: setUp.client(b) };

  it.each(Object.keys(creates) as Kind[])(
    'a %s id of another team answers as a missing record would (404), one of the own team 409',
    async (kind) => {
      const { path, body } = creates[kind];
      const id = randomUUID();
      expect((await api.b.post(path, body(b, id))).status).toBe(201);
      const before = await countRows(t.db);

      const theirs = await api.a.post(path, body(a, id));
      expect(theirs.status).toBe(404);
      // The same answer, word for word, as a reference to a record that is nowhere.
      expect(theirs.body).toEqual({ error: { code: 'not_found', message: `${kind} not found`, field: 'body.id' } });
      expect(JSON.stringify(theirs.body)).not.toMatch(/exist|conflict|taken/i);
      expect(await countRows(t.db)).toEqual(before);

      // (A contact's addresses are fresh, so that the id is what conflicts.)
      const retry = body(b, id);
      if ('emails' in retry) retry.emails = [`again-${randomUUID().slice(0, 8)}@${b.domain}`];
      const mine = await api.b.post(path, retry);
      expect(mine.status).toBe(409);
      expect(mine.body).toMatchObject({ error: { code: 'conflict', field: 'body.id' } });
      expect(await countRows(t.db)).toEqual(before);

      // The other team's record is untouched.
      const table = `${kind}s`;
      const { rows } = await t.db.query<{ team_id: string }>(`select team_id from ${table} where id = $1`, [id]);
      expect(rows).toEqual([{ team_id: b.teamId }]);
    },
  );

  it('with an Idempotency-Key, the 404 leaves the key unused, so a corrected retry writes', async () => {
    const id = randomUUID();
    expect((await api.b.post('/v1/interactions', creates.interaction.body(b, id))).status).toBe(201);
    const key = { 'Idempotency-Key': `client-ids-${randomUUID()}` };
    expect((await api.a.post('/v1/interactions', creates.interaction.body(a, id), key)).status).toBe(404);
    const fresh = await api.a.post('/v1/interactions', creates.interaction.body(a, randomUUID()), key);
    expect(fresh.status).toBe(201);
  });

  it('a new account made with a contact gets a server-made id: nothing of another team to meet', async () => {
    const res = await api.a.post<{ account: { id: string } }>('/v1/contacts', {
      name: 'Someone', emails: ['someone@fresh-client.example'], newAccount: { name: 'Fresh client', domains: ['fresh-client.example'] },
    });
    expect(res.status).toBe(201);
    expect(res.body.account.id).not.toBe(b.accountId);
  });

  it('addresses and domains are unique per team: another team may hold the same ones', async () => {
    // Team alpha's contact address and domain, used by beta: no conflict, nothing said about alpha.
    const res = await api.b.post('/v1/contacts', {
      name: 'Same address', emails: [a.email], newAccount: { name: 'Same domain', domains: [a.domain] },
    });
    expect(res.status).toBe(201);
    // Within a team they stay unique (409 naming the field).
    const again = await api.b.post('/v1/contacts', { name: 'Again', emails: [a.email], accountId: b.accountId });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'conflict', field: 'body.emails.0' } });
    const domain = await api.b.post('/v1/contacts', {
      name: 'Again', emails: ['other@x-other.example'], newAccount: { name: 'Again', domains: [a.domain] },
    });
    expect(domain.status).toBe(409);
    expect(domain.body).toMatchObject({ error: { code: 'conflict', field: 'body.newAccount.domains.0' } });
  });
});
