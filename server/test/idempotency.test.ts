import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { purgeIdempotencyKeys } from '../store/idempotency';
import { availableBackends } from './support/backends';
import { client } from './support/client';
import { countRows, makeTeam } from './support/fixtures';
import { useTestApp } from './support/test-app';

describe.each(availableBackends())('idempotency on $name', (backend) => {
  const { t, teams: [a], app } = useTestApp(backend);
  const interactions = async () =>
    (await t.db.query<{ n: number }>('select count(*)::int as n from interactions')).rows[0]?.n;


  const note = (summary: string) => ({
    accountId: a.accountId, kind: 'note', summary, commitments: [{ text: 'send the price list', dueDate: '2026-12-01' }],
  });

  it('the same key and body answer the first answer again and write nothing more', async () => {
    const api = client(app, a.token);
    const first = await api.post('/v1/interactions', note('first'), { 'Idempotency-Key': 'key-replay-0001' });
    expect(first.status).toBe(201);
    const after = await countRows(t.db);
    const again = await api.post('/v1/interactions', note('first'), { 'Idempotency-Key': 'key-replay-0001' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await countRows(t.db)).toEqual(after);
  });

  it('the same body with keys in another order still counts as the same request', async () => {
    const api = client(app, a.token);
    const body = { summary: 'reordered', kind: 'call', accountId: a.accountId };
    const first = await api.post('/v1/interactions', body, { 'Idempotency-Key': 'key-reorder-01' });
    const again = await api.post('/v1/interactions', { accountId: a.accountId, kind: 'call', summary: 'reordered' }, { 'Idempotency-Key': 'key-reorder-01' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });

  it('the same key with another body is 422 and writes nothing', async () => {
    const api = client(app, a.token);
    await api.post('/v1/interactions', note('one'), { 'Idempotency-Key': 'key-mismatch-01' });
    const before = await countRows(t.db);
    const other = await api.post('/v1/interactions', note('two'), { 'Idempotency-Key': 'key-mismatch-01' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ error: { code: 'idempotency_mismatch', field: 'header.idempotency-key' } });
    const elsewhere = await api.post('/v1/commitments', { accountId: a.accountId, text: 'x' }, { 'Idempotency-Key': 'key-mismatch-01' });
    expect(elsewhere.status).toBe(422);
    expect(await countRows(t.db)).toEqual(before);
  });

  it('concurrent requests with one key make exactly one write and all get its answer', async () => {
    const api = client(app, a.token);
    const before = await interactions();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => api.post('/v1/interactions', note('concurrent'), { 'Idempotency-Key': 'key-concurrent-1' })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(201));
    for (const r of answers) expect(r.body).toEqual(answers[0]?.body);
    expect(await interactions()).toBe((before ?? 0) + 1);
    const promises = await t.db.query("select 1 from commitments where text = 'send the price list'");
    expect(promises.rows.length).toBe(3); // one per distinct successful key in this file so far
  });

  it('a retried PATCH replays its answer instead of failing on its own version bump', async () => {
    const api = client(app, a.token);
    const made = await api.post<{ commitment: { id: string } }>('/v1/commitments', { accountId: a.accountId, text: 'call back' });
    const path = `/v1/commitments/${made.body.commitment.id}`;
    const first = await api.patch(path, { version: 1, status: 'done' }, { 'Idempotency-Key': 'key-patch-0001' });
    const retry = await api.patch(path, { version: 1, status: 'done' }, { 'Idempotency-Key': 'key-patch-0001' });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const row = await t.db.query<{ version: number }>('select version from commitments where id = $1', [made.body.commitment.id]);
    expect(row.rows[0]?.version).toBe(2);
    const unkeyed = await api.patch(path, { version: 1, status: 'done' });
    expect(unkeyed.status).toBe(409);
  });

  it('a write committed but never answered (a crash) is replayed on retry', async () => {
    let crashAfterCommit = true;
    const crashing = {
      ...t.db,
      query: t.db.query.bind(t.db),
      exec: t.db.exec.bind(t.db),
      close: t.db.close.bind(t.db),
      async transaction<T>(fn: Parameters<typeof t.db.transaction<T>>[0]): Promise<T> {
        const result = await t.db.transaction(fn);
        if (crashAfterCommit) {
          crashAfterCommit = false;
          throw new Error('the process died before it could answer');
        }
        return result;
      },
    };
    const api = client(createApp({ db: crashing }), a.token);
    const before = await interactions();
    const lost = await api.post('/v1/interactions', note('crash'), { 'Idempotency-Key': 'key-crash-0001' });
    expect(lost.status).toBe(500);
    expect(await interactions()).toBe((before ?? 0) + 1);
    const retry = await api.post('/v1/interactions', note('crash'), { 'Idempotency-Key': 'key-crash-0001' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await interactions()).toBe((before ?? 0) + 1);
  });

  it('a rejected write does not use up its key', async () => {
    const api = client(app, a.token);
    const bad = await api.post('/v1/commitments', { accountId: a.accountId, text: 'x', ownerId: '00000000-0000-4000-8000-000000000000' }, { 'Idempotency-Key': 'key-after-fail' });
    expect(bad.status).toBe(404);
    const good = await api.post('/v1/commitments', { accountId: a.accountId, text: 'x', ownerId: a.colleagueId }, { 'Idempotency-Key': 'key-after-fail' });
    expect(good.status).toBe(201);
  });

  it('keys belong to the user: another user may use the same key', async () => {
    const other = await makeTeam(t.db, 'beta', 'beta-client.ro');
    const res = await client(app, other.token).post(
      '/v1/interactions', { accountId: other.accountId, kind: 'note', summary: 'first' }, { 'Idempotency-Key': 'key-replay-0001' },
    );
    expect(res.status).toBe(201);
  });

  it.each(['short', 'has spaces in it', 'x'.repeat(201)])('a malformed key (%s) is 400 and writes nothing', async (key) => {
    const before = await countRows(t.db);
    const res = await client(app, a.token).post('/v1/interactions', note('k'), { 'Idempotency-Key': key });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'validation', field: 'header.idempotency-key' } });
    expect(await countRows(t.db)).toEqual(before);
  });

  it('keys are kept seven days and purged after', async () => {
    const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from idempotency_keys')).rows[0]?.n ?? 0;
    const total = await count();
    expect(total).toBeGreaterThan(0);
    expect(await purgeIdempotencyKeys(t.db, new Date(Date.now() + 6.9 * 86_400_000))).toBe(0);
    expect(await count()).toBe(total);
    expect(await purgeIdempotencyKeys(t.db, new Date(Date.now() + 7.1 * 86_400_000))).toBe(total);
    expect(await count()).toBe(0);
  });
});
