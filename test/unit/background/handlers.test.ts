import { describe, expect, it } from 'vitest';
import { createDiscardedWrites } from '../../../lib/background/outbox/discarded';
import { createHandlers, type Handlers } from '../../../lib/background/handlers';
import { isExtensionPage, type Sender } from '../../../lib/background/sender';
import { ME, contactMatch } from '../../support/crm-fixtures';
import { apiError, fakeCrm } from '../../support/fake-crm';
import { API_URL, testApp } from '../../support/test-app';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const identity = { extensionBaseUrl: BASE, extensionId: ID };
const sidebar: Sender = { id: ID, url: `${BASE}sidebar.html?email=a@b.test`, origin: `chrome-extension://${ID}` };
const contentScript: Sender = { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', origin: 'https://mail.google.com' };

describe('isExtensionPage', () => {
  it.each<[string, Sender, boolean]>([
    ['the sidebar', sidebar, true],
    ['the options page (url only)', { id: ID, url: `${BASE}options.html` }, true],
    ['a content script in Gmail', contentScript, false],
    ['a content script in Outlook', { id: ID, url: 'https://outlook.office.com/mail/', origin: 'https://outlook.office.com' }, false],
    ['another extension', { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/x.html' }, false],
    ['our id with a mail origin but an extension url', { id: ID, url: `${BASE}sidebar.html`, origin: 'https://mail.google.com' }, false],
    ['no url or origin', { id: ID }, false],
    ['an opaque origin', { id: ID, origin: 'null' }, false],
    ['a garbled url', { id: ID, url: 'not a url' }, false],
  ])('%s → %s', (_, sender, expected) => {
    expect(isExtensionPage(sender, BASE, ID)).toBe(expected);
  });
});

async function handlersWith(settings = {}) {
  const crm = fakeCrm({
    'GET /v1/me': () => ({ json: ME }),
    'GET /v1/changes': () => ({ json: { changes: [], cursor: 'c0', more: false } }),
    'POST /v1/lookup': (call) => ({ json: { results: (call.body as { emails: string[] }).emails.map((e) => contactMatch(e)) } }),
  });
  const t = await testApp(crm.fetch, settings);
  return { ...t, crm, handlers: createHandlers(t.app, identity) };
}

describe('background handlers', () => {
  it.each<keyof Handlers>([
    'getSettings', 'saveSettings', 'testConnection', 'lookupThread', 'getAccount', 'getTimeline', 'getCommitments',
    'enqueueWrite', 'getOutboxStatus', 'retryWrite', 'updateFailedWrite', 'discardWrite',
  ])('refuses %s from a content script', async (name) => {
    const { handlers } = await handlersWith();
    const answer = await handlers[name]({}, contentScript);
    expect(answer).toMatchObject({ ok: false, problem: { kind: 'forbidden' } });
    expect(JSON.stringify(answer)).not.toContain('secret-token');
  });

  it('answers lookup and status to a content script, without the token', async () => {
    const { handlers } = await handlersWith();
    expect(await handlers.lookup({ emails: ['budi@bank-sinar.co.id'] }, contentScript)).toMatchObject({ ok: true, value: [{ match: 'contact' }] });
    const status = await handlers.getStatus(undefined, contentScript);
    expect(status).toMatchObject({ ok: true, value: { configured: true } });
    expect(JSON.stringify(status)).not.toContain('secret-token');
  });

  it('gives the settings, token included, to extension pages', async () => {
    const { handlers } = await handlersWith();
    expect(await handlers.getSettings(undefined, sidebar)).toMatchObject({ ok: true, value: { apiUrl: API_URL, token: 'secret-token' } });
  });

  it.each<[string, keyof Handlers, unknown, string]>([
    ['lookup without emails', 'lookup', {}, 'emails'],
    ['lookup with a number', 'lookup', { emails: [42] }, 'emails.0'],
    ['an account id that is no UUID', 'getAccount', { accountId: '../etc' }, 'accountId'],
    ['a timeline kind that does not exist', 'getTimeline', { accountId: ME.team.id, kind: ['gossip'] }, 'kind.0'],
    ['a note without text', 'enqueueWrite', { write: { type: 'interaction', body: { accountId: ME.team.id, kind: 'note', summary: '' } } }, 'write.body.summary'],
    ['settings with an ftp address', 'saveSettings', { apiUrl: 'ftp://crm', token: '', companyDomains: [], neverLookUp: [] }, 'apiUrl'],
    ['a company domain that is not one', 'saveSettings', { apiUrl: '', token: '', companyDomains: ['not a domain'], neverLookUp: [] }, 'companyDomains.0'],
  ])('refuses %s with the offending path', async (_, name, data, path) => {
    const { handlers } = await handlersWith();
    expect(await handlers[name](data, sidebar)).toMatchObject({ ok: false, problem: { kind: 'invalid-request', path } });
  });

  it('queues a valid write and reports it in the outbox status', async () => {
    const { handlers } = await handlersWith({ apiUrl: '', token: '' });
    const queued = await handlers.enqueueWrite({ write: { type: 'interaction', body: { accountId: ME.team.id, kind: 'note', summary: 'Met the CFO' } } }, sidebar);
    expect(queued).toMatchObject({ ok: true });
    expect(await handlers.getOutboxStatus(undefined, sidebar)).toMatchObject({
      ok: true, value: { pending: 1, failed: 0, items: [{ type: 'interaction', excerpt: 'Met the CFO', state: 'pending' }] },
    });
  });

  it('names a discarded write in the outbox status, and only one that was refused', async () => {
    const crm = fakeCrm({
      'GET /v1/me': () => ({ json: ME }),
      'GET /v1/changes': () => ({ json: { changes: [], cursor: 'c0', more: false } }),
      'POST /v1/interactions': () => apiError(422, 'validation', 'notes are closed'),
    });
    const t = await testApp(crm.fetch);
    let kept: string[] = [];
    const discarded = createDiscardedWrites({ get: async () => kept, set: async (keys) => void (kept = keys) });
    const handlers = createHandlers(t.app, identity, undefined, discarded);
    const write = { type: 'interaction' as const, body: { accountId: ME.team.id, kind: 'note' as const, summary: 'Refused note' } };
    const queued = await handlers.enqueueWrite({ write }, sidebar);
    if (!queued.ok) throw new Error('not queued');
    const { key } = queued.value;
    // Still pending: it cannot be discarded, and nothing is noted.
    expect(await handlers.discardWrite({ key }, sidebar)).toMatchObject({ ok: true, value: { pending: 1, discarded: [] } });
    await t.app.drain();
    expect(await handlers.getOutboxStatus(undefined, sidebar)).toMatchObject({ ok: true, value: { failed: 1, discarded: [] } });
    expect(await handlers.discardWrite({ key }, sidebar)).toMatchObject({ ok: true, value: { failed: 0, items: [], discarded: [key] } });
    expect(await handlers.getOutboxStatus(undefined, sidebar)).toMatchObject({ ok: true, value: { discarded: [key] } });
  });

  it('tests a connection that is not saved yet', async () => {
    const { handlers } = await handlersWith({ apiUrl: '', token: '' });
    expect(await handlers.testConnection({ apiUrl: 'https://other.example.test/', token: 'x' }, sidebar)).toMatchObject({ ok: true, value: ME });
  });

  it('clears the cache and the cursor when the URL or token changes, and keeps it otherwise', async () => {
    const { handlers, app } = await handlersWith();
    await handlers.lookup({ emails: ['budi@bank-sinar.co.id'] }, sidebar);
    const base = { apiUrl: API_URL, token: 'secret-token', companyDomains: [], neverLookUp: [] };
    await handlers.saveSettings({ ...base, companyDomains: ['our-company.test'] }, sidebar);
    expect(await app.ctx.db.count('lookups')).toBe(1);
    await handlers.saveSettings({ ...base, token: 'another-token' }, sidebar);
    expect(await app.ctx.db.count('lookups')).toBe(0);
    await app.settled();
  });
});
