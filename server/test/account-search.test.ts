import { describe, expect, it, beforeAll } from 'vitest';
import { AccountSearchPage, ApiError } from '../../lib/api';
import { availableBackends } from './support/backends';
import { insertAccount, insertContact, makeTeam } from './support/fixtures';
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

  it('answers as a plain reading of the rules would, with many accounts sharing words, domains and addresses', async () => {
    // A team of its own, crowded on purpose: 120 accounts from six words (and two that never start a
    // name), some with two matching words, two domains or several people, so that every branch
    // meets prefixes that many keys share, and cuts at its limit where the order decides who stays.
    const crowdTeam = await makeTeam(t.db, 'crowd', 'crowd.example');
    const crowd = client(crowdTeam);
    const words = ['sinar', 'sinta', 'siti', 'maju', 'makmur', 'mas'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const accounts = [{ id: crowdTeam.accountId, name: 'crowd client', domains: ['crowd.example'], emails: ['buyer@crowd.example'] }];
    for (let i = 0; i < 120; i++) {
      const name = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(words)).join(random() < 0.5 ? ' ' : '-')
        + (random() < 0.6 ? ` ${pick(['jaya', 'jati'])}` : '') + (random() < 0.5 ? ` ${i}` : '');
      const domains = Array.from({ length: Math.floor(random() * 3) }, (_, k) => `${pick(words)}-${pick(words)}-${i}-${k}.example`);
      const id = await insertAccount(t.db, crowdTeam.teamId, { name, domains });
      const emails: string[] = [];
      for (let c = 0; c < Math.floor(random() * 4); c++) {
        const list = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, k) => `${pick(words)}${c}${k}.${i}@mail.example`);
        await insertContact(t.db, crowdTeam.teamId, id, `Person ${c}`, list);
        emails.push(...list);
      }
      accounts.push({ id, name, domains, emails });
    }
    const before = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const oracle = (q: string, limit: number) => {
      const lo = q.trim().toLowerCase();
      const hits = accounts.flatMap((acc) => {
        const name = acc.name.toLowerCase();
        const smallest = (keys: string[]) => keys.filter((k) => k.startsWith(lo)).sort(before)[0];
        const found: [number, string | undefined][] = [
          [0, name === lo ? name : undefined],
          [1, name.startsWith(lo) ? name : undefined],
          [2, smallest(name.split(/[\s\p{P}]+/u).filter(Boolean))],
          [3, smallest(acc.domains)],
          [4, smallest(acc.emails)],
        ];
        const best = found.find(([, key]) => key !== undefined);
        return best ? [{ id: acc.id, name, rank: best[0], key: best[1]! }] : [];
      });
      hits.sort((x, y) => x.rank - y.rank || before(x.key, y.key) || before(x.name, y.name) || before(x.id, y.id));
      return hits.slice(0, limit).map((h) => h.id);
    };
    for (const q of ['c', 'crowd', 'b', 's', 'si', 'sin', 'sinar', 'sinar ', 'm', 'ma', 'mas', 'maju-', 'sinta-s', 'mail', 'siti0', '1', 'x', 'j', 'ja', 'jaya', 'jati']) {
      for (const limit of [1, 5, 20, 50]) {
        const res = await crowd.get(`/v1/accounts?q=${encodeURIComponent(q)}&limit=${limit}`);
        expect(res.status).toBe(200);
        const got = AccountSearchPage.parse(res.body).items.map((h) => h.id);
        expect(got, `q=${q} limit=${limit}`).toEqual(oracle(q, limit));
      }
    }
  });

  it('orders accounts sharing a word by their name, and follows a rename', async () => {
    const xeno = await insertAccount(t.db, a.teamId, { name: 'Xeno Tekun' });
    await insertAccount(t.db, a.teamId, { name: 'Yolo Tekun' });
    expect(await names('tekun')).toEqual(['Xeno Tekun', 'Yolo Tekun']);
    await t.db.query('update accounts set name = $2 where id = $1', [xeno, 'Zulu Tekun']);
    expect(await names('tekun')).toEqual(['Yolo Tekun', 'Zulu Tekun']);
    expect(await names('xeno')).toEqual([]);
    expect(await names('zulu')).toEqual(['Zulu Tekun']);
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
