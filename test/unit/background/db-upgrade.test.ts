import { describe, expect, it } from 'vitest';
import { DB_VERSION, openCrmDb } from '../../../lib/background/db';
import { enqueue } from '../../../lib/background/outbox/queue';
import { loadSettings, storeSettings } from '../../../lib/background/settings-store';
import { EMPTY_SETTINGS } from '../../../lib/config/settings';
import { ACCOUNT_ID, contactMatch } from '../../support/crm-fixtures';

describe('database upgrades', () => {
  it('creates every store on a fresh install', async () => {
    const db = await openCrmDb(`fresh-${crypto.randomUUID()}`);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'attention', 'commitments', 'lookups', 'outbox', 'settings', 'status', 'timelines']);
    db.close();
  });

  it('upgrades a version 1 database without losing settings or cache, and adds the outbox', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    const v1 = await openCrmDb(name, 1);
    expect(v1.objectStoreNames.contains('outbox')).toBe(false);
    await storeSettings(v1, { ...EMPTY_SETTINGS, apiUrl: 'https://crm.example.test', token: 'kept' });
    await v1.put('lookups', { email: 'budi@bank-sinar.co.id', match: contactMatch('budi@bank-sinar.co.id'), accountId: ACCOUNT_ID, fetchedAt: 5 });
    v1.close();

    const latest = await openCrmDb(name);
    expect((await loadSettings(latest)).token).toBe('kept');
    expect((await latest.get('lookups', 'budi@bank-sinar.co.id'))?.fetchedAt).toBe(5);
    const queued = await enqueue(latest, { type: 'interaction', body: {
      accountId: ACCOUNT_ID, kind: 'note', direction: 'internal', summary: 'hello', contactIds: [], amount: null, threadId: null, commitments: [],
    } }, { now: 1 });
    expect(await latest.getAll('outbox')).toMatchObject([{ key: queued.key, state: 'pending' }]);
    latest.close();
  });

  it('treats a stored settings record that no longer parses as unset instead of failing', async () => {
    const db = await openCrmDb(`bad-${crypto.randomUUID()}`);
    await db.put('settings', { apiUrl: 'ftp://nope', token: 1 } as never, 'settings');
    expect(await loadSettings(db)).toEqual(EMPTY_SETTINGS);
    db.close();
  });
});
