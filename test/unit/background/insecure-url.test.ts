import { describe, expect, it } from 'vitest';
import { openCrmDb } from '../../../lib/background/db';
import { createHandlers } from '../../../lib/background/handlers';
import { allItems, enqueue } from '../../../lib/background/outbox/queue';
import { loadSettings } from '../../../lib/background/settings-store';
import { getStatus } from '../../../lib/background/status';
import type { Sender } from '../../../lib/background/sender';
import { ME, contactMatch } from '../../support/crm-fixtures';
import { fakeCrm } from '../../support/fake-crm';
import { note } from '../../support/outbox-fixtures';
import { testApp } from '../../support/test-app';

const LEGACY = 'http://crm.office.lan:8787';
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const OPTIONS: Sender = { id: ID, url: `${BASE}options.html`, origin: `chrome-extension://${ID}` };
const identity = { extensionBaseUrl: BASE, extensionId: ID };

/** A CRM that answers everything, so any request that reached it would be seen. */
const anyCrm = () => fakeCrm({
  'GET /v1/me': () => ({ json: ME }),
  'POST /v1/lookup': (call) => ({ json: { results: (call.body as { emails: string[] }).emails.map((e) => contactMatch(e)) } }),
  'GET /v1/changes': () => ({ json: { changes: [], cursor: 'c', more: false } }),
  'POST /v1/interactions': () => ({ status: 201, json: {} }),
});

describe('a plain-http address to another computer saved by an older version', () => {
  it('is read back, so the options page can show it, and nothing else of the settings is lost', async () => {
    const db = await openCrmDb(`test-${crypto.randomUUID()}`);
    await db.put('settings', { apiUrl: LEGACY, token: 'secret-token', companyDomains: ['our.test'], neverLookUp: [] }, 'settings');
    expect(await loadSettings(db)).toEqual({ apiUrl: LEGACY, token: 'secret-token', companyDomains: ['our.test'], neverLookUp: [] });
  });

  it('is never sent the token: lookups, the changes feed, start-up and the outbox send nothing, and say why', async () => {
    const crm = anyCrm();
    const { app, clock, scheduled } = await testApp(crm.fetch, { apiUrl: LEGACY });
    const handlers = createHandlers(app, identity, { report: async () => null, list: async () => [] }, { note: async () => undefined, list: async () => [] });

    const lookup = await handlers.lookup({ emails: ['budi@bank-sinar.co.id'] }, { id: ID, url: 'https://mail.google.com/mail/u/0/', origin: 'https://mail.google.com' });
    expect(lookup).toEqual({ ok: false, problem: { kind: 'insecure-url', url: LEGACY } });
    await expect(app.sync()).rejects.toMatchObject({ problem: { kind: 'insecure-url', url: LEGACY } });
    await app.startup();
    const { key } = await enqueue(app.ctx.db, note('Called about the SLA'), { now: clock.now });
    await app.drain();
    expect(crm.calls).toEqual([]);
    // The write is kept as it was, and nothing is scheduled until the settings change.
    expect(await allItems(app.ctx.db)).toMatchObject([{ key, state: 'pending', attempts: 0 }]);
    expect(scheduled.at(-1)).toBeNull();

    // The popup and sidebar say what is wrong and that the fix is in the settings.
    expect(await getStatus(app.ctx)).toMatchObject({ configured: true, connected: false, problem: { kind: 'insecure-url', url: LEGACY } });

    // Saving https sends what waited.
    const saved = await handlers.saveSettings({ apiUrl: 'https://crm.office.lan', token: 'secret-token', companyDomains: [], neverLookUp: [] }, OPTIONS);
    expect(saved.ok).toBe(true);
    await app.settled();
    expect(crm.callsTo('/v1/interactions')).toHaveLength(1);
    expect(new Set(crm.calls.map((c) => c.headers.get('authorization')))).toEqual(new Set(['Bearer secret-token']));
  });

  it('cannot be saved again through the background either', async () => {
    const { app } = await testApp(anyCrm().fetch);
    const handlers = createHandlers(app, identity, { report: async () => null, list: async () => [] }, { note: async () => undefined, list: async () => [] });
    const refused = await handlers.saveSettings({ apiUrl: LEGACY, token: 't', companyDomains: [], neverLookUp: [] }, OPTIONS);
    expect(refused).toMatchObject({ ok: false, problem: { kind: 'invalid-request', path: 'apiUrl' } });
    const tested = await handlers.testConnection({ apiUrl: LEGACY, token: 't' }, OPTIONS);
    expect(tested).toMatchObject({ ok: false, problem: { kind: 'invalid-request', path: 'apiUrl' } });
  });
});
