import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccountDetail, ContactCreated, LookupResponse } from '../../lib/api';
import { availableBackends } from './support/backends';
import { useTestApp } from './support/test-app';

describe.each(availableBackends())('accounts and contacts on $name', (backend) => {
  const { t, teams: [a], api } = useTestApp(backend);

  it('GET /v1/accounts/{id} gives the account, its people and its summary', async () => {
    await t.db.query(
      `update accounts set stage = 'loyal', cadence_days = 14, special_terms = 'net 60',
              preferences = '{"channel":"phone","language":"ms"}' where id = $1`,
      [a.accountId],
    );
    await t.db.query('insert into account_members (account_id, user_id) values ($1, $2)', [a.accountId, a.colleagueId]);
    const res = await api.get(`/v1/accounts/${a.accountId}`);
    expect(res.status).toBe(200);
    const d = AccountDetail.parse(res.body);
    expect(d.account).toMatchObject({
      id: a.accountId, stage: 'loyal', cadenceDays: 14, specialTerms: 'net 60', domains: [a.domain],
      preferences: { channel: 'phone', language: 'ms' },
    });
    expect(d.account.team.map((u) => u.id)).toEqual([a.colleagueId]);
    expect(d.contacts.map((c) => c.emails)).toEqual([[a.email]]);
    expect(d.summary).toMatchObject({ id: a.accountId, cadenceDays: 14, lastContactAt: null });
  });

  it('GET /v1/accounts/{id} reads an id written in capitals like any other spelling of it', async () => {
    const res = await api.get(`/v1/accounts/${a.accountId.toUpperCase()}`);
    expect(res.status).toBe(200);
    expect(AccountDetail.parse(res.body).account.id).toBe(a.accountId);
  });

  it('adds a contact to an existing account with a client-made id and normalised addresses', async () => {
    const id = randomUUID();
    const res = await api.post('/v1/contacts', {
      id, name: 'Ana Popescu', emails: [' Ana@Alpha-Client.co.id', 'ana.p@alpha-client.co.id'], role: 'CFO', accountId: a.accountId,
    });
    expect(res.status).toBe(201);
    const made = ContactCreated.parse(res.body);
    expect(made.contact).toMatchObject({ id, accountId: a.accountId, role: 'CFO', emails: ['ana@alpha-client.co.id', 'ana.p@alpha-client.co.id'] });
    expect(made.account.id).toBe(a.accountId);
    const look = LookupResponse.parse((await api.post('/v1/lookup', { emails: ['ANA.P@alpha-client.co.id'] })).body);
    expect(look.results[0]).toMatchObject({ match: 'contact', contact: { id } });
  });

  it('adds a contact with a new account owned by the caller', async () => {
    const res = await api.post('/v1/contacts', {
      name: 'Ivan', emails: ['ivan@new-client.ru'], newAccount: { name: 'New Client', domains: ['New-Client.ru', '@shop.new-client.ru'] },
    });
    expect(res.status).toBe(201);
    const made = ContactCreated.parse(res.body);
    expect(made.account).toMatchObject({ name: 'New Client', stage: 'prospect', domains: ['new-client.ru', 'shop.new-client.ru'] });
    expect(made.account.owner?.id).toBe(a.userId);
    const look = LookupResponse.parse((await api.post('/v1/lookup', { emails: ['someone@shop.new-client.ru'] })).body);
    expect(look.results[0]).toMatchObject({ match: 'account-domain', account: { id: made.account.id } });
  });

  it('refuses an address that another contact of the team already has, and writes nothing', async () => {
    const before = await t.db.query<{ n: number }>('select count(*)::int as n from contacts');
    const res = await api.post('/v1/contacts', { name: 'Dup', emails: [a.email], newAccount: { name: 'Dup Co' } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'conflict', field: 'body.emails.0' } });
    const after = await t.db.query<{ n: number }>('select count(*)::int as n from contacts');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    const accounts = await t.db.query("select 1 from accounts where name = 'Dup Co'");
    expect(accounts.rows).toHaveLength(0);
  });
});
