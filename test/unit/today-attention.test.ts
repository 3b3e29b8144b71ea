import { describe, expect, it } from 'vitest';
import type { AttentionPage } from '../../lib/api';
import { getAttention, refreshOverdueBadge } from '../../lib/background/attention';
import { invalidateAccounts } from '../../lib/background/invalidate';
import { fakeCrm, type Reply } from '../support/fake-crm';
import { testApp } from '../support/test-app';

const ACCOUNT = '11111111-1111-4111-8111-111111111111';
const page = (text: string): AttentionPage => ({
  asOf: '2026-11-23T09:00:00.000Z',
  atRisk: { items: [], nextCursor: null },
  commitments: { items: [], nextCursor: null },
  rhythm: {
    items: [{ account: { id: ACCOUNT, name: text, owner: null }, cadenceDays: 14, lastContactAt: null, dueAt: null }],
    nextCursor: null,
  },
});

describe('the attention lists in the background', () => {
  it('are cached, served offline with the time they are from, and asked again after the feed changed an account', async () => {
    let reply: Reply = { json: page('first') };
    const crm = fakeCrm({ 'GET /v1/attention': () => reply });
    const t = await testApp(crm.fetch);
    const first = await getAttention(t.app.ctx, 'me');
    expect(first.value.rhythm?.items[0]?.account.name).toBe('first');
    expect(crm.callsTo('/v1/attention')[0]?.query.get('owner')).toBe('me');

    // The CRM goes away; after a while the cached answer is still shown, marked offline.
    reply = 'network-error';
    const fetchedAt = t.clock.now;
    t.clock.now += 10 * 60_000;
    await getAttention(t.app.ctx, 'me');
    await t.app.settled();
    const offline = await getAttention(t.app.ctx, 'me');
    expect(offline).toMatchObject({ fetchedAt, offline: true, stale: true });
    expect(offline.value.rhythm?.items[0]?.account.name).toBe('first');

    // Back, and the feed says an account changed: the next read refreshes in the background.
    reply = { json: page('second') };
    await invalidateAccounts(t.db, [ACCOUNT]);
    await getAttention(t.app.ctx, 'me');
    await t.app.settled();
    expect((await getAttention(t.app.ctx, 'me')).value.rhythm?.items[0]?.account.name).toBe('second');
  });

  it('asks nothing for the toolbar count after a sync that changed nothing, the same day', async () => {
    const crm = fakeCrm({ 'GET /v1/attention': () => ({ json: page('x') }) });
    const t = await testApp(crm.fetch);
    await refreshOverdueBadge(t.app.ctx, true);
    expect(crm.callsTo('/v1/attention')).toHaveLength(1);
    await refreshOverdueBadge(t.app.ctx, false);
    expect(crm.callsTo('/v1/attention')).toHaveLength(1);
    await refreshOverdueBadge(t.app.ctx, true);
    expect(crm.callsTo('/v1/attention')).toHaveLength(2);
  });
});
