import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { createSidebarKey, type SidebarKeyArea } from '../../../lib/background/sidebar-key';
import type { Sender } from '../../../lib/background/sender';
import { isSidebarKey } from '../../../lib/messaging/sidebar-key';
import { fakeCrm } from '../../support/fake-crm';
import { testApp } from '../../support/test-app';

/** Session storage as a plain holder, counting writes. */
function area(initial?: unknown): SidebarKeyArea & { value: unknown; writes: number } {
  const held = {
    value: initial,
    writes: 0,
    get: async () => held.value,
    async set(key: string) {
      held.writes += 1;
      held.value = key;
    },
  };
  return held;
}

describe('the sidebar channel\'s key', () => {
  it('is made once per session, from 32 random bytes, and every caller gets the same one', async () => {
    const session = area();
    const keys = createSidebarKey(session);
    const [a, b] = await Promise.all([keys.get(), keys.get()]);
    expect(a).toBe(b);
    expect(isSidebarKey(a)).toBe(true);
    expect(session.value).toBe(a);
    expect(session.writes).toBe(1);
  });

  it('is read back by a worker started again, so content scripts that asked before still hold the right one', async () => {
    const session = area();
    const first = await createSidebarKey(session).get();
    expect(await createSidebarKey(session).get()).toBe(first);
    expect(session.writes).toBe(1);
  });

  it('replaces a stored value that is no key', async () => {
    const session = area('short');
    const key = await createSidebarKey(session).get();
    expect(isSidebarKey(key)).toBe(true);
    expect(session.value).toBe(key);
  });

  it('differs from session to session', async () => {
    expect(await createSidebarKey(area()).get()).not.toBe(await createSidebarKey(area()).get());
  });

  it('is given to content scripts and extension pages, never to another extension', async () => {
    const { app } = await testApp(fakeCrm({}).fetch);
    const ID = 'abcdefghijklmnopabcdefghijklmnop';
    const keys = createSidebarKey(area());
    const handlers = createHandlers(app, { extensionBaseUrl: `chrome-extension://${ID}/`, extensionId: ID }, undefined, undefined, keys);
    const contentScript: Sender = { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', origin: 'https://mail.google.com' };
    expect(await handlers.sidebarKey(undefined, contentScript)).toEqual({ ok: true, value: await keys.get() });
  });
});
