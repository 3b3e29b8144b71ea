import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CommitmentList, CommitmentResult, InteractionCreated } from '../../lib/api';
import { availableBackends } from './support/backends';
import { useTestApp } from './support/test-app';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describe.each(availableBackends())('commitments on $name', (backend) => {
  const { t, teams: [a], api } = useTestApp(backend, { now: () => NOW });

  const create = async (body: Record<string, unknown>) => {
    const res = await api.post('/v1/commitments', { accountId: a.accountId, text: 'send the revised contract', ...body });
    expect(res.status).toBe(201);
    return CommitmentResult.parse(res.body).commitment;
  };

  it('is created with the caller as owner, honouring a client-made id', async () => {
    const id = randomUUID();
    const c = await create({ id, dueDate: '2026-12-01', contactId: a.contactId });
    expect(c).toMatchObject({ id, status: 'open', version: 1, contactId: a.contactId, completedAt: null, dueDate: '2026-12-01' });
    expect(c.owner?.id).toBe(a.userId);
    const again = await api.post('/v1/commitments', { id, accountId: a.accountId, text: 'other' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'conflict', field: 'body.id' } });
  });

  it('done sets completedAt and bumps the version; reopening clears it', async () => {
    const c = await create({});
    const done = await api.patch(`/v1/commitments/${c.id}`, { version: 1, status: 'done' });
    expect(done.status).toBe(200);
    const d = CommitmentResult.parse(done.body).commitment;
    expect(d).toMatchObject({ status: 'done', version: 2, completedAt: NOW.toISOString() });
    const reopened = CommitmentResult.parse((await api.patch(`/v1/commitments/${c.id}`, { version: 2, status: 'open' })).body);
    expect(reopened.commitment).toMatchObject({ status: 'open', version: 3, completedAt: null });
  });

  it('edits text, due date and owner; null clears the due date', async () => {
    const c = await create({ dueDate: '2026-12-01' });
    const res = await api.patch(`/v1/commitments/${c.id}`, { version: 1, text: 'call back', dueDate: null, ownerId: a.colleagueId });
    const e = CommitmentResult.parse(res.body).commitment;
    expect(e).toMatchObject({ text: 'call back', dueDate: null, version: 2, status: 'open' });
    expect(e.owner?.id).toBe(a.colleagueId);
  });

  it('a stale version is 409 carrying the current record, and changes nothing', async () => {
    const c = await create({});
    await api.patch(`/v1/commitments/${c.id}`, { version: 1, text: 'first edit' });
    const stale = await api.patch(`/v1/commitments/${c.id}`, { version: 1, status: 'cancelled' });
    expect(stale.status).toBe(409);
    const body = stale.body as { error: { code: string; details: { commitment: unknown } } };
    expect(body.error.code).toBe('conflict');
    const current = CommitmentResult.parse(body.error.details).commitment;
    expect(current).toMatchObject({ id: c.id, version: 2, text: 'first edit', status: 'open' });
    const row = await t.db.query<{ status: string; version: number }>('select status, version from commitments where id = $1', [c.id]);
    expect(row.rows[0]).toEqual({ status: 'open', version: 2 });
  });

  it('an unknown id is 404 and an empty patch is 400', async () => {
    expect((await api.patch(`/v1/commitments/${randomUUID()}`, { version: 1, status: 'done' })).status).toBe(404);
    const c = await create({});
    const empty = await api.patch(`/v1/commitments/${c.id}`, { version: 1 });
    expect(empty.status).toBe(400);
  });

  it('promises in a note are created with it, linked to it and to its only contact', async () => {
    const res = await api.post('/v1/interactions', {
      accountId: a.accountId, kind: 'meeting', direction: 'outbound', summary: 'Quarterly review', contactIds: [a.contactId],
      commitments: [{ text: 'fix the invoice', dueDate: '2026-11-20' }, { text: 'visit site', ownerId: a.colleagueId }],
    });
    expect(res.status).toBe(201);
    const made = InteractionCreated.parse(res.body);
    expect(made.commitments).toHaveLength(2);
    for (const c of made.commitments) {
      expect(c.sourceInteractionId).toBe(made.interaction.id);
      expect(c.contactId).toBe(a.contactId);
    }
    expect(made.commitments[1]?.owner?.id).toBe(a.colleagueId);
  });

  it('lists by status, open ones by due date', async () => {
    const gone = await create({ text: 'to be cancelled' });
    expect((await api.patch(`/v1/commitments/${gone.id}`, { version: 1, status: 'cancelled' })).status).toBe(200);
    const open = CommitmentList.parse((await api.get(`/v1/accounts/${a.accountId}/commitments`)).body).items;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((c) => c.status === 'open')).toBe(true);
    const dated = open.map((c) => c.dueDate).filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    const all = CommitmentList.parse((await api.get(`/v1/accounts/${a.accountId}/commitments?status=all`)).body).items;
    expect(all.length).toBe(open.length + 1);
    const cancelled = CommitmentList.parse((await api.get(`/v1/accounts/${a.accountId}/commitments?status=cancelled`)).body).items;
    expect(cancelled.map((c) => c.id)).toEqual([gone.id]);
    const bad = await api.get(`/v1/accounts/${a.accountId}/commitments?status=late`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { field: 'query.status' } });
  });

  it('the account summary counts open and overdue promises', async () => {
    const res = await api.get<{ summary: { openCommitments: number; overdueCommitments: number; risk: { reasons: { code: string }[] } } }>(
      `/v1/accounts/${a.accountId}`,
    );
    expect(res.status).toBe(200);
    const open = (await t.db.query<{ n: number }>("select count(*)::int as n from commitments where status = 'open'")).rows[0]?.n;
    expect(res.body.summary.openCommitments).toBe(open);
    expect(res.body.summary.overdueCommitments).toBe(1);
    expect(res.body.summary.risk.reasons.map((r) => r.code)).toContain('overdue-commitments');
  });
});
