import { describe, expect, it } from 'vitest';
import { readStatus } from '../../../lib/background/db';
import { ME } from '../../support/crm-fixtures';
import { apiError, fakeCrm, type Reply } from '../../support/fake-crm';
import { testApp } from '../../support/test-app';

describe('the saved connection', () => {
  it.each<[string, Reply, boolean, string]>([
    ['a refused fetch with access allowed', 'network-error', true, 'unreachable'],
    ['a refused fetch without access', 'network-error', false, 'no-permission'],
    ['a refused token without access', apiError(401, 'unauthorized', 'no'), false, 'unauthorized'],
  ])('reports %s', async (_, reply, allowed, kind) => {
    const crm = fakeCrm({ 'GET /v1/me': () => reply });
    const { app } = await testApp(crm.fetch, {}, { permitted: async () => allowed });
    await expect(app.refreshMe()).rejects.toMatchObject({ problem: { kind } });
    expect((await readStatus(app.ctx.db)).lastProblem).toMatchObject({ kind });
  });

  it('names the origin that needs access', async () => {
    const crm = fakeCrm({ 'GET /api/v1/me': () => 'network-error' });
    const { app } = await testApp(crm.fetch, { apiUrl: 'https://crm.example.test/api' }, { permitted: async () => false });
    await expect(app.refreshMe()).rejects.toMatchObject({ problem: { kind: 'no-permission', origin: 'https://crm.example.test' } });
  });

  it('clears the recorded problem after the next success', async () => {
    let up = false;
    const crm = fakeCrm({ 'GET /v1/me': () => (up ? { json: ME } : 'network-error') });
    const { app } = await testApp(crm.fetch);
    await app.refreshMe().catch(() => undefined);
    expect((await readStatus(app.ctx.db)).lastProblem).not.toBeNull();
    up = true;
    await app.refreshMe();
    expect(await readStatus(app.ctx.db)).toMatchObject({ lastProblem: null, me: ME });
  });
});
