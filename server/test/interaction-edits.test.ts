import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiError, ChangesPage, InteractionCreated, InteractionDeleted, InteractionResult, TimelinePage } from '../../lib/api';
import { exportBundle } from '../bundle';
import { availableBackends } from './support/backends';
import { ALPHA, BETA, useTestApp } from './support/test-app';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describe.each(availableBackends())('editing and deleting interactions on $name', (backend) => {
  const { t, teams: [a, b], api, client } = useTestApp(backend, { now: () => NOW, teams: [ALPHA, BETA] });
  const colleague = async () => {
    const { createToken } = await import('../store/users');
    return client({ ...a, token: await createToken(t.db, a.colleagueId) });
  };
  const log = async (summary = 'complaint about the invoice', kind = 'complaint', occurredAt = '2026-11-20T09:00:00.000Z') => {
    const res = await api.post('/v1/interactions', {
      accountId: a.accountId, kind, direction: 'inbound', summary, contactIds: [a.contactId], occurredAt,
    });
    expect(res.status).toBe(201);
    return InteractionCreated.parse(res.body).interaction;
  };
  const timelineIds = async () => TimelinePage.parse((await api.get(`/v1/accounts/${a.accountId}/timeline?limit=100`)).body).items.map((i) => i.id);
  const setting = (on: boolean) => t.db.query('update teams set team_may_edit_notes = $2 where id = $1', [a.teamId, on]);

  it('the author edits every field; the version, updatedAt and updatedBy move on', async () => {
    const made = await log();
    expect(made).toMatchObject({ version: 1, updatedBy: null });
    const res = await api.patch(`/v1/interactions/${made.id}`, {
      version: 1, summary: 'billing question, settled', kind: 'billing', direction: 'outbound', occurredAt: '2026-11-21T10:00:00.000Z',
      amount: 12.5, contactIds: [],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(InteractionResult.parse(res.body).interaction).toMatchObject({
      id: made.id, summary: 'billing question, settled', kind: 'billing', direction: 'outbound', occurredAt: '2026-11-21T10:00:00.000Z',
      amount: 12.5, contactIds: [], version: 2, updatedAt: NOW.toISOString(), updatedBy: { id: a.userId },
    });
    const stale = await api.patch(`/v1/interactions/${made.id}`, { version: 1, summary: 'lost update' });
    expect(stale.status).toBe(409);
    expect(ApiError.parse(stale.body).error).toMatchObject({ field: 'body.version', details: { interaction: { version: 2, summary: 'billing question, settled' } } });
  });

  it.each([
    [{ summary: 'x' }, 'body.version'],
    [{ version: 1 }, 'body'],
    [{ version: 1, summary: '' }, 'body.summary'],
    [{ version: 1, kind: 'party' }, 'body.kind'],
    [{ version: 1, occurredAt: 'yesterday' }, 'body.occurredAt'],
    [{ version: 1, amount: 'lots' }, 'body.amount'],
    [{ version: 1, contactIds: ['x'] }, 'body.contactIds.0'],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    const made = await log();
    const res = await api.patch(`/v1/interactions/${made.id}`, body);
    expect(res.status).toBe(400);
    expect(ApiError.parse(res.body).error.field).toBe(field);
  });

  it("others get 403 unless the team lets everyone edit notes; another team's gets 404", async () => {
    const made = await log();
    const other = await colleague();
    for (const res of [await other.patch(`/v1/interactions/${made.id}`, { version: 1, summary: 'not mine' }), await other.del(`/v1/interactions/${made.id}`)]) {
      expect(res.status).toBe(403);
      expect(ApiError.parse(res.body).error.code).toBe('forbidden');
    }
    const theirs = await client(b).patch(`/v1/interactions/${made.id}`, { version: 1, summary: 'x' });
    const unknown = await client(b).patch(`/v1/interactions/${randomUUID()}`, { version: 1, summary: 'x' });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(unknown.body);
    expect((await client(b).del(`/v1/interactions/${made.id}`)).status).toBe(404);
    await setting(true);
    try {
      const edited = await other.patch(`/v1/interactions/${made.id}`, { version: 1, summary: 'edited by a colleague' });
      expect(edited.status).toBe(200);
      expect(InteractionResult.parse(edited.body).interaction.updatedBy?.id).toBe(a.colleagueId);
      expect((await other.del(`/v1/interactions/${made.id}`)).status).toBe(200);
      expect((await other.post(`/v1/interactions/${made.id}/restore`, undefined)).status).toBe(200);
    } finally {
      await setting(false);
    }
    const me = await api.get<{ team: { teamMayEditNotes: boolean } }>('/v1/me');
    expect(me.body.team.teamMayEditNotes).toBe(false);
  });

  it('a delete hides it from the timeline, summary and export, leaves a tombstone, and a restore brings it back', async () => {
    // The latest contact of all: the summary's last contact is this one while it lives.
    const made = await log('the outage again', 'outage', '2026-11-22T09:00:00.000Z');
    const summaryOf = async () => (await api.get<{ summary: { lastContactAt: string | null; risk: { reasons: { code: string }[] } } }>(`/v1/accounts/${a.accountId}`)).body.summary;
    const withIt = await summaryOf();
    expect(withIt.lastContactAt).toBe('2026-11-22T09:00:00.000Z');
    const exportedWith = (await exportBundle(t.db, a.teamId)).interactions.length;
    const cursor = ChangesPage.parse((await api.get('/v1/changes?limit=1000')).body).cursor;

    const del = await api.del(`/v1/interactions/${made.id}`);
    expect(del.status).toBe(200);
    expect(InteractionDeleted.parse(del.body)).toEqual({ id: made.id, accountId: a.accountId, deletedAt: NOW.toISOString(), deletedBy: expect.objectContaining({ id: a.userId }) });
    expect(await timelineIds()).not.toContain(made.id);
    const row = await t.db.query<{ deleted_by: string }>('select deleted_by from interactions where id = $1', [made.id]);
    expect(row.rows[0]?.deleted_by).toBe(a.userId);
    expect((await summaryOf()).lastContactAt).not.toBe('2026-11-22T09:00:00.000Z');
    expect((await exportBundle(t.db, a.teamId)).interactions.length).toBe(exportedWith - 1);
    const feed = ChangesPage.parse((await api.get(`/v1/changes?since=${cursor}`)).body);
    expect(feed.changes).toEqual([{ type: 'interaction', id: made.id, accountId: a.accountId, changedAt: expect.any(String), deleted: true }]);
    // Deleting again answers the same deletion; editing a deleted one is 404.
    expect((await api.del(`/v1/interactions/${made.id}`)).body).toEqual(del.body);
    expect((await api.patch(`/v1/interactions/${made.id}`, { version: 2, summary: 'x' })).status).toBe(404);
    // Commitments cannot name it as their source while it is deleted.
    expect((await api.post('/v1/commitments', { accountId: a.accountId, text: 'x', sourceInteractionId: made.id })).status).toBe(404);

    const restored = await api.post(`/v1/interactions/${made.id}/restore`, undefined);
    expect(restored.status).toBe(200);
    expect(InteractionResult.parse(restored.body).interaction).toMatchObject({ id: made.id, summary: 'the outage again', version: 3 });
    expect(await timelineIds()).toContain(made.id);
    expect(await summaryOf()).toEqual(withIt);
    const after = ChangesPage.parse((await api.get(`/v1/changes?since=${feed.cursor}`)).body);
    expect(after.changes).toEqual([{ type: 'interaction', id: made.id, accountId: a.accountId, changedAt: expect.any(String) }]);
  });

  it('Idempotency-Key replays of delete and restore answer the same and write once', async () => {
    const made = await log();
    const key = { 'Idempotency-Key': `del-${randomUUID()}` };
    const first = await api.del(`/v1/interactions/${made.id}`, key);
    const replay = await api.del(`/v1/interactions/${made.id}`, key);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const rkey = { 'Idempotency-Key': `restore-${randomUUID()}` };
    const r1 = await api.call('POST', `/v1/interactions/${made.id}/restore`, undefined, rkey);
    await api.del(`/v1/interactions/${made.id}`);
    const r2 = await api.call('POST', `/v1/interactions/${made.id}/restore`, undefined, rkey);
    expect(r2.headers.get('Idempotent-Replayed')).toBe('true');
    expect(r2.body).toEqual(r1.body);
    // The replay wrote nothing: the second delete stands.
    expect(await timelineIds()).not.toContain(made.id);
    const pkey = { 'Idempotency-Key': `patch-${randomUUID()}` };
    const made2 = await log();
    const p1 = await api.patch(`/v1/interactions/${made2.id}`, { version: 1, summary: 'once' }, pkey);
    const p2 = await api.patch(`/v1/interactions/${made2.id}`, { version: 1, summary: 'once' }, pkey);
    expect(p1.status).toBe(200);
    expect(p2.body).toEqual(p1.body);
    const v = await t.db.query<{ version: number }>('select version from interactions where id = $1', [made2.id]);
    expect(v.rows[0]?.version).toBe(2);
  });
});
