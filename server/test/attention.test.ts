import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AttentionPage, type AttentionQuery } from '../../lib/api';
import { createApp } from '../app';
import { DEMO_TEAM, seedDemoIfEmpty } from '../seed';
import { createToken } from '../store/users';
import { availableBackends } from './support/backends';
import { client } from './support/client';
import { insertAccount } from './support/fixtures';
import { ALPHA, BETA, useTestApp } from './support/test-app';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const day = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString().slice(0, 10);

describe.each(availableBackends())('GET /v1/attention on $name', (backend) => {
  const { t, teams, api, client: clientOf } = useTestApp(backend, { teams: [ALPHA, BETA], now: () => NOW });
  const [alpha, beta] = teams;
  const ids: Record<string, string> = {};

  const account = async (name: string, ownerId: string, cadenceDays: number | null = null) =>
    (ids[name] = await insertAccount(t.db, alpha.teamId, { name, ownerId, cadenceDays }));
  const contact = (accountId: string, at: Date, direction = 'outbound') =>
    t.db.query(
      `insert into interactions (id, team_id, account_id, kind, direction, occurred_at, summary)
       values ($1, $2, $3, 'call', $4, $5, 'call')`,
      [randomUUID(), alpha.teamId, accountId, direction, at],
    );
  const promise = async (accountId: string, ownerId: string, due: string | null, text: string) => {
    const id = randomUUID();
    await t.db.query(
      `insert into commitments (id, team_id, account_id, owner_id, text, due_date, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [id, alpha.teamId, accountId, ownerId, text, due, daysAgo(30)],
    );
    return id;
  };
  const get = async (query: Partial<Record<keyof AttentionQuery, string>>, as = api) => {
    const res = await as.get(`/v1/attention?${new URLSearchParams(query)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return AttentionPage.parse(res.body);
  };
  const names = (items: { account: { name: string } }[]) => items.map((i) => i.account.name);

  beforeAll(async () => {
    // At risk: the rhythm missed by far and a promise 10 days late (weights 2 + 2).
    await account('Risky', alpha.userId, 14);
    await contact(ids.Risky!, daysAgo(40));
    ids.lateRisky = await promise(ids.Risky!, alpha.userId, day(-10), 'Send the revised contract');
    // To watch: a little past its rhythm.
    await account('Watchy', alpha.userId, 30);
    await contact(ids.Watchy!, daysAgo(35));
    // Fine, but its rhythm comes due in 5 days.
    await account('Calm', alpha.userId, 7);
    await contact(ids.Calm!, daysAgo(2));
    ids.soon = await promise(ids.Calm!, alpha.userId, day(3), 'Quote for the second site');
    ids.later = await promise(ids.Calm!, alpha.userId, day(20), 'Annual review');
    ids.undated = await promise(ids.Calm!, alpha.userId, null, 'Some day');
    // Fine and its rhythm far off.
    await account('Far', alpha.userId, 30);
    await contact(ids.Far!, daysAgo(1));
    // A rhythm agreed, never in touch: due now.
    await account('Never', alpha.userId, 10);
    // Quiet, no rhythm, one inbound email: nothing to say until problems come in.
    await account('Quiet', alpha.userId);
    await contact(ids.Quiet!, daysAgo(3), 'inbound');
    // The colleague's: at risk, and a late promise of theirs.
    await account('Colleague client', alpha.colleagueId, 7);
    await contact(ids['Colleague client']!, daysAgo(60));
    ids.colleagueLate = await promise(ids['Colleague client']!, alpha.colleagueId, day(-2), 'Colleague promise');
    // Beta's: never in alpha's answers.
    const betaAccount = await insertAccount(t.db, beta.teamId, { name: 'Beta risky', ownerId: beta.userId, cadenceDays: 7 });
    ids['Beta risky'] = betaAccount;
  });

  it('lists the caller\'s accounts at risk first, with the stored reasons', async () => {
    const page = await get({});
    expect(page.asOf).toBe(NOW.toISOString());
    expect(names(page.atRisk!.items)).toEqual(['Risky', 'Watchy']);
    const [risky, watchy] = page.atRisk!.items;
    expect(risky!.level).toBe('at-risk');
    expect(risky!.reasons).toEqual(expect.arrayContaining([
      { code: 'overdue-commitments', count: 1, oldestDaysOverdue: 10 },
      { code: 'silence', days: 40, expectedDays: 14, basis: 'cadence' },
    ]));
    expect(risky!.account.owner?.id).toBe(alpha.userId);
    expect(risky!.lastContactAt).toBe(daysAgo(40).toISOString());
    expect(watchy).toMatchObject({ level: 'watch', reasons: [{ code: 'silence', days: 35, expectedDays: 30 }] });
    expect(page.atRisk!.nextCursor).toBeNull();
  });

  it('lists the caller\'s open commitments due within 7 days, the longest overdue first', async () => {
    const { commitments } = await get({});
    expect(commitments!.items.map((c) => c.commitment.id)).toEqual([ids.lateRisky, ids.soon]);
    expect(commitments!.items[0]).toMatchObject({ account: { id: ids.Risky, name: 'Risky' }, dueDate: day(-10), daysOverdue: 10 });
    expect(commitments!.items[1]).toMatchObject({ account: { name: 'Calm' }, daysOverdue: -3, commitment: { text: 'Quote for the second site' } });
  });

  it('lists the rhythms coming due this week, never-contacted and most overdue first', async () => {
    const { rhythm } = await get({});
    expect(names(rhythm!.items)).toEqual(['Never', 'Risky', 'Watchy', 'Calm']);
    expect(rhythm!.items[0]).toMatchObject({ cadenceDays: 10, lastContactAt: null, dueAt: null });
    expect(rhythm!.items[1]).toMatchObject({ lastContactAt: daysAgo(40).toISOString(), dueAt: daysAgo(26).toISOString() });
    expect(rhythm!.items[3]).toMatchObject({ cadenceDays: 7, dueAt: new Date(NOW.getTime() + 5 * DAY).toISOString() });
  });

  it('owner=team adds the colleagues\' accounts and commitments; another team sees none of it', async () => {
    const team = await get({ owner: 'team' });
    expect(names(team.atRisk!.items)).toContain('Colleague client');
    expect(team.commitments!.items.map((c) => c.commitment.id)).toEqual([ids.lateRisky, ids.colleagueLate, ids.soon]);
    expect(names(team.rhythm!.items)).toContain('Colleague client');
    const mine = await get({ owner: 'me' });
    expect(JSON.stringify(mine)).not.toContain(ids['Colleague client']);

    const betaPage = await get({ owner: 'team' }, clientOf(beta));
    const text = JSON.stringify(betaPage);
    for (const id of Object.values(ids).filter((id) => id !== ids['Beta risky'])) expect(text).not.toContain(id);
    expect(names(betaPage.rhythm!.items)).toEqual(['Beta risky']);
  });

  it('pages each section: every row exactly once, in the order of one long page', async () => {
    for (let i = 0; i < 7; i++) {
      const id = await account(`Paged ${i}`, alpha.userId, 20);
      await contact(id, daysAgo(25 + i));
      await promise(id, alpha.userId, day(i - 3), `Paged promise ${i}`);
    }
    const whole = await get({ owner: 'team', limit: '100' });
    for (const section of ['atRisk', 'commitments', 'rhythm'] as const) {
      const key = (item: unknown) => JSON.stringify(item);
      const expected = (whole[section]!.items as unknown[]).map(key);
      expect(expected.length).toBeGreaterThan(5);
      const seen: string[] = [];
      let first = await get({ owner: 'team', limit: '2' });
      let part = first[section]!;
      for (;;) {
        seen.push(...(part.items as unknown[]).map(key));
        if (part.nextCursor === null) break;
        const next = await get({ owner: 'team', limit: '2', cursor: part.nextCursor });
        // A cursor's answer holds its own section alone.
        expect(Object.keys(next).sort()).toEqual(['asOf', section]);
        part = next[section]!;
        first = next;
      }
      expect(seen).toEqual(expected);
    }
  });

  it('refuses a bad owner, limit or cursor with a 400 naming the field', async () => {
    const field = async (query: string) => {
      const res = await api.get<{ error: { field?: string } }>(`/v1/attention?${query}`);
      expect(res.status).toBe(400);
      return res.body.error.field;
    };
    expect(await field('owner=boss')).toBe('query.owner');
    expect(await field('limit=0')).toBe('query.limit');
    expect(await field('limit=101')).toBe('query.limit');
    expect(await field('cursor=nonsense')).toBe('query.cursor');

    const cursor = (await get({ owner: 'me', limit: '1' })).atRisk!.nextCursor!;
    expect(cursor).toBeTruthy();
    // Each character changed in turn: none of those cursors is accepted.
    const raw = Buffer.from(cursor, 'base64url').toString('utf8');
    for (let i = 0; i < raw.length; i += 7) {
      const edited = raw.slice(0, i) + (raw[i] === '1' ? '2' : '1') + raw.slice(i + 1);
      expect(await field(`cursor=${Buffer.from(edited, 'utf8').toString('base64url')}`)).toBe('query.cursor');
    }
    // Handed out for owner=me: refused with owner=team, and from another user.
    expect(await field(`owner=team&cursor=${cursor}`)).toBe('query.cursor');
    const colleague = client(createApp({ db: t.db, now: () => NOW }), await createToken(t.db, alpha.colleagueId));
    const res = await colleague.get<{ error: { field?: string } }>(`/v1/attention?cursor=${cursor}`);
    expect([res.status, res.body.error.field]).toEqual([400, 'query.cursor']);
  });

  it('follows writes at once: complaints put an account on the list, a kept promise takes it off', async () => {
    expect(names((await get({ limit: '100' })).atRisk!.items)).not.toContain('Quiet');
    for (const summary of ['Invoice wrong again', 'Line down all morning']) {
      const res = await api.post('/v1/interactions', {
        accountId: ids.Quiet, kind: 'complaint', direction: 'inbound', occurredAt: daysAgo(1).toISOString(), summary,
      });
      expect(res.status).toBe(201);
    }
    const after = (await get({ limit: '100' })).atRisk!.items.find((i) => i.account.id === ids.Quiet);
    expect(after).toMatchObject({ level: 'watch', reasons: [{ code: 'only-problems', problems: 2 }] });

    const done = await api.patch(`/v1/commitments/${ids.lateRisky}`, { version: 1, status: 'done' });
    expect(done.status).toBe(200);
    const page = await get({ limit: '100' });
    expect(page.commitments!.items.map((c) => c.commitment.id)).not.toContain(ids.lateRisky);
    const risky = page.atRisk!.items.find((i) => i.account.id === ids.Risky);
    expect(risky?.reasons.map((r) => r.code)).toEqual(['silence']);
  });
});

describe.each(availableBackends())('GET /v1/attention over the demo team on $name', (backend) => {
  const { t } = useTestApp(backend, { teams: [] });
  let demo: ReturnType<typeof client>;
  beforeAll(async () => {
    const seeded = await seedDemoIfEmpty(t.db, NOW);
    if (!seeded) throw new Error('the demo team was not seeded');
    demo = client(createApp({ db: t.db, now: () => NOW }), seeded.token);
  });

  it('shows overdue promises and clients drifting from their rhythm', async () => {
    const res = await demo.get('/v1/attention?owner=team&limit=100');
    expect(res.status).toBe(200);
    const page = AttentionPage.parse(res.body);
    expect(page.commitments!.items.some((c) => c.daysOverdue > 0)).toBe(true);
    expect(page.rhythm!.items.some((r) => r.dueAt !== null && r.dueAt < NOW.toISOString())).toBe(true);
    expect(page.atRisk!.items.map((i) => i.level)).toContain('at-risk');
    // At-risk rows before watch rows.
    const levels = page.atRisk!.items.map((i) => i.level);
    expect(levels.indexOf('watch')).toBeGreaterThan(levels.lastIndexOf('at-risk'));
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from teams where name = $1', [DEMO_TEAM]);
    expect(rows[0]?.n).toBe(1);
  });
});
