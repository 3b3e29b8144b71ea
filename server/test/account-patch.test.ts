import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccountResult, ApiError, ChangesPage } from '../../lib/api';
import { availableBackends } from './support/backends';
import { countRows } from './support/fixtures';
import { ALPHA, BETA, useTestApp } from './support/test-app';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describe.each(availableBackends())('PATCH /v1/accounts/{id} on $name', (backend) => {
  const { t, teams: [a, b], api, client } = useTestApp(backend, { now: () => NOW, teams: [ALPHA, BETA] });
  const path = () => `/v1/accounts/${a.accountId}`;
  const version = async () =>
    (await t.db.query<{ version: number }>('select version from accounts where id = $1', [a.accountId])).rows[0]?.version ?? 0;

  it('changes every field, bumps the version, records who and when', async () => {
    const v = await version();
    const res = await api.patch(path(), {
      version: v, name: 'PT Global Niaga', stage: 'loyal', ownerId: a.colleagueId, teamMemberIds: [a.userId, a.colleagueId],
      cadenceDays: 14, preferences: { channel: 'WhatsApp', language: 'Indonesian' }, specialTerms: 'Net 45',
      domains: ['alpha-client.co.id', 'global-niaga.co.id'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { account } = AccountResult.parse(res.body);
    expect(account).toMatchObject({
      name: 'PT Global Niaga', stage: 'loyal', cadenceDays: 14, specialTerms: 'Net 45', version: v + 1,
      preferences: { channel: 'WhatsApp', language: 'Indonesian' }, domains: ['alpha-client.co.id', 'global-niaga.co.id'],
      updatedAt: NOW.toISOString(),
    });
    expect(account.owner?.id).toBe(a.colleagueId);
    expect(account.updatedBy?.id).toBe(a.userId);
    expect(account.team.map((u) => u.id).sort()).toEqual([a.userId, a.colleagueId].sort());
    // Preferences are replaced as a whole; null clears cadence and terms; a smaller set of domains replaces the set.
    const again = AccountResult.parse((await api.patch(path(), {
      version: v + 1, preferences: { paymentTerms: '30 days' }, cadenceDays: null, specialTerms: null, domains: ['alpha-client.co.id'], teamMemberIds: [],
    })).body).account;
    expect(again).toMatchObject({ preferences: { paymentTerms: '30 days' }, cadenceDays: null, specialTerms: null, domains: ['alpha-client.co.id'], team: [] });
    expect(again.preferences.channel).toBeUndefined();
  });

  it('answers the summary computed after the write: no owner shows in the risk at once', async () => {
    await api.get(path()); // stores a summary
    const res = await api.patch(path(), { version: await version(), ownerId: null });
    const { summary, account } = AccountResult.parse(res.body);
    expect(account.owner).toBeNull();
    expect(summary.owner).toBeNull();
    expect(summary.risk.reasons.map((r) => r.code)).toContain('no-owner');
    const detail = (await api.get<{ summary: { risk: { reasons: { code: string }[] } } }>(path())).body;
    expect(detail.summary.risk.reasons.map((r) => r.code)).toContain('no-owner');
    const lookup = await api.post<{ results: { account: { owner: unknown } }[] }>('/v1/lookup', { emails: [a.email] });
    expect(lookup.body.results[0]?.account.owner).toBeNull();
    await api.patch(path(), { version: await version(), ownerId: a.userId });
  });

  it('puts the account in the changes feed', async () => {
    const before = ChangesPage.parse((await api.get('/v1/changes?limit=1000')).body);
    await api.patch(path(), { version: await version(), stage: 'promoter' });
    const after = ChangesPage.parse((await api.get(`/v1/changes?since=${before.cursor}`)).body);
    expect(after.changes).toEqual([expect.objectContaining({ type: 'account', id: a.accountId, accountId: a.accountId })]);
  });

  it('a stale version is 409 with the current account, and changes nothing', async () => {
    const v = await version();
    const res = await api.patch(path(), { version: v - 1 > 0 ? v - 1 : v + 5, name: 'Stale' });
    expect(res.status).toBe(409);
    const error = ApiError.parse(res.body).error;
    expect(error).toMatchObject({ code: 'conflict', field: 'body.version' });
    expect(AccountResult.shape.account.parse((error.details as { account: unknown }).account)).toMatchObject({ version: v });
    expect(await version()).toBe(v);
  });

  it.each([
    [{ name: 'x' }, 'body.version'],
    [{ version: 1 }, 'body'],
    [{ version: 0, name: 'x' }, 'body.version'],
    [{ version: 1, name: '' }, 'body.name'],
    [{ version: 1, stage: 'friend' }, 'body.stage'],
    [{ version: 1, ownerId: 'nobody' }, 'body.ownerId'],
    [{ version: 1, cadenceDays: 0 }, 'body.cadenceDays'],
    [{ version: 1, cadenceDays: 2.5 }, 'body.cadenceDays'],
    [{ version: 1, preferences: { channel: 'x'.repeat(81) } }, 'body.preferences.channel'],
    [{ version: 1, domains: ['not a domain'] }, 'body.domains.0'],
    [{ version: 1, domains: ['gmail.com'] }, 'body.domains.0'],
    [{ version: 1, teamMemberIds: ['x'] }, 'body.teamMemberIds.0'],
    [{ version: 1, specialTerms: 'a\u0000b' }, 'body.specialTerms'],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    const before = await countRows(t.db);
    const res = await api.patch(path(), body);
    expect(res.status).toBe(400);
    expect(ApiError.parse(res.body).error.field).toBe(field);
    expect(await countRows(t.db)).toEqual(before);
  });

  it("another team's account, owner, member or domain: 404s and 409, nothing written", async () => {
    const v = await version();
    const theirs = await api.patch(`/v1/accounts/${b.accountId}`, { version: 1, name: 'mine now' });
    const unknown = await api.patch(`/v1/accounts/${randomUUID()}`, { version: 1, name: 'mine now' });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(unknown.body);
    expect((await api.patch(path(), { version: v, ownerId: b.userId })).body).toMatchObject({ error: { code: 'not_found', field: 'body.ownerId' } });
    expect((await api.patch(path(), { version: v, teamMemberIds: [a.userId, b.colleagueId] })).body).toMatchObject({ error: { field: 'body.teamMemberIds.1' } });
    // B's domain is free in A's team; another account of A's team holding one is a 409.
    const other = await api.post<{ account: { id: string } }>('/v1/contacts', { name: 'P', emails: ['p@taken.example'], newAccount: { name: 'Taken', domains: ['taken.example'] } });
    const taken = await api.patch(path(), { version: v, domains: ['alpha-client.co.id', 'taken.example'] });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: { code: 'conflict', field: 'body.domains.1' } });
    expect(await version()).toBe(v);
    expect(other.status).toBe(201);
    const bName = await t.db.query<{ name: string }>('select name from accounts where id = $1', [b.accountId]);
    expect(bName.rows[0]?.name).toBe('beta client');
    expect((await client(b).get(`/v1/accounts/${b.accountId}`)).status).toBe(200);
  });

  it('an Idempotency-Key replays the first answer and writes once', async () => {
    const v = await version();
    const headers = { 'Idempotency-Key': `acct-${randomUUID()}` };
    const first = await api.patch(path(), { version: v, specialTerms: 'once' }, headers);
    const replay = await api.patch(path(), { version: v, specialTerms: 'once' }, headers);
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await version()).toBe(v + 1);
    expect((await api.patch(path(), { version: v, specialTerms: 'other' }, headers)).status).toBe(422);
  });
});
