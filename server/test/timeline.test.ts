import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TimelinePage, type Interaction } from '../../lib/api';
import { availableBackends } from './support/backends';
import { insertAccount } from './support/fixtures';
import { useTestApp } from './support/test-app';

describe.each(availableBackends())('timeline on $name', (backend) => {
  const { t, teams: [a], api } = useTestApp(backend);
  const base = Date.parse('2026-06-01T00:00:00.000Z');

  beforeAll(async () => {
    // 45 interactions; several share one instant so the id breaks ties.
    const kinds = ['note', 'call', 'email'];
    for (let i = 0; i < 45; i++) {
      await t.db.query(
        `insert into interactions (id, team_id, account_id, kind, occurred_at, summary) values ($1, $2, $3, $4, $5, $6)`,
        [randomUUID(), a.teamId, a.accountId, kinds[i % 3], new Date(base + Math.floor(i / 3) * 3_600_000), `item ${i}`],
      );
    }
  });

  async function readAll(query: string, between?: () => Promise<void>): Promise<Interaction[]> {
    const items: Interaction[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/v1/accounts/${a.accountId}/timeline?limit=7${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await api.get(path);
      expect(res.status).toBe(200);
      const page = TimelinePage.parse(res.body);
      items.push(...page.items);
      cursor = page.nextCursor;
      if (between) await between();
    } while (cursor);
    return items;
  }

  const order = (x: Interaction, y: Interaction) =>
    y.occurredAt.localeCompare(x.occurredAt) || y.id.localeCompare(x.id);

  it('pages newest first with no duplicates and no gaps', async () => {
    const items = await readAll('');
    expect(items).toHaveLength(45);
    expect(new Set(items.map((i) => i.id)).size).toBe(45);
    expect(items).toEqual([...items].sort(order));
  });

  it('stays stable while new interactions are logged between pages', async () => {
    const seen = await readAll('', async () => {
      await api.post('/v1/interactions', { accountId: a.accountId, kind: 'note', summary: 'while paging' });
    });
    const original = seen.filter((i) => i.summary.startsWith('item '));
    expect(original).toHaveLength(45);
    expect(new Set(seen.map((i) => i.id)).size).toBe(seen.length);
  });

  it('filters by kind', async () => {
    const calls = await readAll('&kind=call');
    expect(calls.length).toBe(15);
    expect(calls.every((i) => i.kind === 'call')).toBe(true);
    const two = await readAll('&kind=call,email');
    expect(new Set(two.map((i) => i.kind))).toEqual(new Set(['call', 'email']));
  });

  it('an account that is not there is 404 before a bad cursor is 400; an account without history is an empty page', async () => {
    const missing = await api.get(`/v1/accounts/${randomUUID()}/timeline?cursor=garbage`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'not_found', field: 'path.id' } });
    const empty = await insertAccount(t.db, a.teamId, { name: 'No history yet' });
    const res = await api.get(`/v1/accounts/${empty}/timeline`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['kind=party', 'query.kind.0'],
    ['limit=0', 'query.limit'],
    ['limit=101', 'query.limit'],
    ['limit=abc', 'query.limit'],
    ['cursor=garbage', 'query.cursor'],
    [`cursor=${Buffer.from('["not a date","x"]').toString('base64url')}`, 'query.cursor'],
  ])('a bad query (%s) is 400 naming %s', async (query, field) => {
    const res = await api.get(`/v1/accounts/${a.accountId}/timeline?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'validation', field } });
  });
});
