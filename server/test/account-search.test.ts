import { describe, expect, it, beforeAll } from 'vitest';
import { AccountSearchPage, ApiError } from '../../lib/api';
import { availableBackends } from './support/backends';
import { insertAccount, insertContact } from './support/fixtures';
import { ALPHA, BETA, useTestApp } from './support/test-app';

describe.each(availableBackends())('GET /v1/accounts?q= on $name', (backend) => {
  const { t, teams: [a, b], api, client } = useTestApp(backend, { teams: [ALPHA, BETA] });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const add = async (name: string, domains: string[] = []) => (ids[name] = await insertAccount(t.db, a.teamId, { name, ownerId: a.userId, domains }));
    await add('PT Global Niaga', ['globalniaga.co.id']);
    await add('Globe');
    await add('Bank Sinar', ['bank-sinar.co.id']);
    await add('Sinar Mas Global', ['sinarmas.example']);
    await add('100% Natural_Foods \\ Co');
    const account = await add('Quiet Ltd', ['quiet.example']);
    await insertContact(t.db, a.teamId, account, 'Gloria', ['gloria@personal.example']);
    for (let i = 0; i < 60; i++) await add(`Many ${String(i).padStart(2, '0')}`);
    await insertAccount(t.db, b.teamId, { name: 'Global Beta', domains: ['global-beta.example'] });
  });

  const search = async (q: string, extra = '') => {
    const res = await api.get(`/v1/accounts?q=${encodeURIComponent(q)}${extra}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return AccountSearchPage.parse(res.body).items;
  };
  const names = async (q: string) => (await search(q)).map((h) => h.name);

  it('finds a name by its start, any word, a domain or an address, ignoring case, best first', async () => {
    expect(await names('globe')).toEqual(['Globe']);
    expect(await names('GLO')).toEqual(['Globe', 'PT Global Niaga', 'Sinar Mas Global', 'Quiet Ltd']);
    const glo = await search('glo');
    expect(glo.map((h) => h.match)).toEqual(['name', 'word', 'word', 'email']);
    expect(await names('pt glo')).toEqual(['PT Global Niaga']);
    expect(await names('sinar')).toEqual(['Sinar Mas Global', 'Bank Sinar']);
    expect(await names('bank-s')).toEqual(['Bank Sinar']);
    expect((await search('bank-s'))[0]?.match).toBe('domain');
    expect(await names('Bank Sinar')).toEqual(['Bank Sinar']);
    expect((await search('bank sinar'))[0]?.match).toBe('exact');
    expect(await names('niaga')).toEqual(['PT Global Niaga']);
    expect(await names('nothing-like-it')).toEqual([]);
  });

  it('answers each hit with its domains, stage, owner and risk level', async () => {
    const [hit] = await search('pt global niaga');
    expect(hit).toMatchObject({ id: ids['PT Global Niaga'], domains: ['globalniaga.co.id'], stage: 'prospect', owner: { id: a.userId }, match: 'exact' });
    expect(['ok', 'watch', 'at-risk']).toContain(hit?.riskLevel);
  });

  it("never finds another team's accounts", async () => {
    expect(await names('global b')).toEqual([]);
    expect(await names('global-beta')).toEqual([]);
    const theirs = AccountSearchPage.parse((await client(b).get('/v1/accounts?q=glo')).body).items.map((h) => h.name);
    expect(theirs).toEqual(['Global Beta']);
  });

  it('takes %, _ and \\ as plain characters', async () => {
    expect(await names('100%')).toEqual(['100% Natural_Foods \\ Co']);
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
    // An underscore splits words, like a blank: the word is "natural", not "natural_".
    expect(await names('natural_')).toEqual([]);
    expect(await names('100% natural_f')).toEqual(['100% Natural_Foods \\ Co']);
    expect(await names('\\')).toEqual([]);
    expect(await names("' or 1=1 --")).toEqual([]);
  });

  it('limits to 20 by default, at most 50, ordered by name', async () => {
    const many = await names('many');
    expect(many).toHaveLength(20);
    expect(many).toEqual([...many].sort());
    expect(many[0]).toBe('Many 00');
    expect((await search('many', '&limit=50')).length).toBe(50);
    expect((await api.get('/v1/accounts?q=many&limit=51')).status).toBe(400);
  });

  it.each([
    ['', 'query.q'],
    ['   ', 'query.q'],
    ['x'.repeat(201), 'query.q'],
    ['a\u0000b', 'query.q'],
  ])('refuses q=%j with a 400 naming %s', async (q, field) => {
    const res = await api.get(`/v1/accounts?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(400);
    expect(ApiError.parse(res.body).error.field).toBe(field);
    expect((await api.get('/v1/accounts')).status).toBe(400);
  });
});
