import { describe, expect, expectTypeOf, it } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { HANDLERS, REQUEST_NAMES, type Requests } from '../../../lib/background/requests';
import type { Sender } from '../../../lib/background/sender';
import { fakeCrm } from '../../support/fake-crm';
import { testApp } from '../../support/test-app';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const identity = { extensionBaseUrl: `chrome-extension://${ID}/`, extensionId: ID };
const contentScript: Sender = { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', origin: 'https://mail.google.com' };

// Every request of the protocol, written out: the compiler refuses a missing or unknown name here.
const PROTOCOL_REQUESTS = {
  getSettings: true, saveSettings: true, testConnection: true, lookup: true, lookupThread: true, getAccount: true, getTimeline: true,
  getCommitments: true, enqueueWrite: true, getOutboxStatus: true, retryWrite: true, updateFailedWrite: true, discardWrite: true,
  getStatus: true, reportLayout: true, getLayoutHealth: true, getLayoutReport: true, sidebarKey: true, searchAccounts: true, getAttention: true,
  uiMessages: true,
} satisfies Record<Requests, true>;

describe('the handler table', () => {
  it('has exactly one entry for each request of the protocol', () => {
    expectTypeOf<keyof typeof HANDLERS>().toEqualTypeOf<Requests>();
    expect(new Set(REQUEST_NAMES).size).toBe(REQUEST_NAMES.length);
    expect([...REQUEST_NAMES].sort()).toEqual(Object.keys(PROTOCOL_REQUESTS).sort());
    for (const name of REQUEST_NAMES) {
      expect(typeof HANDLERS[name].schema.safeParse, name).toBe('function');
      expect(typeof HANDLERS[name].run, name).toBe('function');
    }
  });

  it('opens lookup, sidebarKey, getStatus, reportLayout and uiMessages to content scripts, and nothing else', () => {
    const open = REQUEST_NAMES.filter((name) => HANDLERS[name].openToContent === true);
    expect(open.sort()).toEqual(['getStatus', 'lookup', 'reportLayout', 'sidebarKey', 'uiMessages']);
  });

  it('refuses every other request from a content script before reading its data', async () => {
    const t = await testApp(fakeCrm({}).fetch);
    const handlers = createHandlers(t.app, identity);
    const closed = REQUEST_NAMES.filter((name) => !HANDLERS[name].openToContent);
    expect(closed).toHaveLength(16);
    for (const name of closed) {
      expect(await handlers[name]({}, contentScript), name).toMatchObject({ ok: false, problem: { kind: 'forbidden' } });
    }
  });
});
