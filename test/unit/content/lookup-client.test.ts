import { describe, expect, it } from 'vitest';
import { createLookupClient } from '../../../lib/content/lookup-client';
import type { LookupItem } from '../../../lib/messaging/protocol';
import { contactMatch } from '../../support/crm-fixtures';

function fakeAsk(fail = false) {
  const calls: string[][] = [];
  const ask = async (emails: string[]): Promise<LookupItem[]> => {
    calls.push(emails);
    if (fail) throw new Error('the CRM is unreachable');
    return emails.map((e) => (e.startsWith('down') ? { match: 'unavailable', email: e, problem: { kind: 'offline' } as never } : contactMatch(e)));
  };
  return { calls, ask };
}

describe('createLookupClient', () => {
  it('asks once for addresses requested in the same task, and answers from memory afterwards', async () => {
    const { calls, ask } = fakeAsk();
    const client = createLookupClient(ask);
    await Promise.all([client.ensure(['a@x.test', 'b@x.test']), client.ensure(['b@x.test', 'c@x.test'])]);
    expect(calls).toEqual([['a@x.test', 'b@x.test', 'c@x.test']]);
    expect(client.answer('c@x.test')?.match).toBe('contact');
    await client.ensure(['a@x.test', 'c@x.test']);
    expect(calls).toHaveLength(1);
  });

  it('a second call for an address queued by the first, in the same task, resolves only once it is answered', async () => {
    const { ask } = fakeAsk();
    // The background answers a task later, as a real message does.
    const slowAsk = (emails: string[]) => new Promise<LookupItem[]>((done) => setTimeout(() => done(ask(emails)), 0));
    const client = createLookupClient(slowAsk);
    void client.ensure(['a@x.test']);
    await client.ensure(['a@x.test']);
    expect(client.answer('a@x.test')?.match).toBe('contact');
  });

  it('waits for an answer already on its way instead of asking again', async () => {
    const { calls, ask } = fakeAsk();
    const client = createLookupClient(ask);
    const first = client.ensure(['a@x.test']);
    await Promise.resolve();
    await Promise.all([first, client.ensure(['a@x.test'])]);
    expect(calls).toHaveLength(1);
    expect(client.known('a@x.test')).toBe(true);
  });

  it('does not retry a failed ask on every re-render, only after a while', async () => {
    const { calls, ask } = fakeAsk(true);
    let now = 0;
    const client = createLookupClient(ask, { retryAfterMs: 30_000, now: () => now });
    await client.ensure(['a@x.test']);
    expect(client.failed('a@x.test')).toBe(true);
    await client.ensure(['a@x.test']);
    expect(calls).toHaveLength(1);
    now = 30_001;
    await client.ensure(['a@x.test']);
    expect(calls).toHaveLength(2);
  });

  it('treats an address the CRM could not be asked about as failed, not answered', async () => {
    const { ask } = fakeAsk();
    const client = createLookupClient(ask);
    await client.ensure(['down@x.test', 'up@x.test']);
    expect(client.answer('down@x.test')).toBeUndefined();
    expect(client.failed('down@x.test')).toBe(true);
    expect(client.answer('up@x.test')?.match).toBe('contact');
  });

  it('asks again about old answers but keeps showing them meanwhile', async () => {
    const { calls, ask } = fakeAsk();
    let now = 0;
    const client = createLookupClient(ask, { maxAgeMs: 1000, now: () => now });
    await client.ensure(['a@x.test']);
    now = 1001;
    const again = client.ensure(['a@x.test']);
    expect(client.answer('a@x.test')?.match).toBe('contact');
    await again;
    expect(calls).toHaveLength(2);
  });

  it('splits a page with more addresses than one message may carry', async () => {
    const { calls, ask } = fakeAsk();
    const client = createLookupClient(ask);
    await client.ensure(Array.from({ length: 650 }, (_, i) => `p${i}@x.test`));
    expect(calls.map((c) => c.length)).toEqual([500, 150]);
  });

  it('counts as external the people the CRM was asked about, not colleagues, and everyone while it cannot be asked', async () => {
    const ask = async (emails: string[]): Promise<LookupItem[]> =>
      emails.map((e) => (e.endsWith('@ours.test') ? { match: 'excluded', email: e, reason: 'colleague' } as LookupItem : contactMatch(e)));
    const client = createLookupClient(ask);
    const people = [{ name: 'Budi', email: 'budi@x.test' }, { name: 'Me', email: 'me@ours.test' }, { name: 'New', email: 'new@x.test' }];
    await client.ensure(['budi@x.test', 'me@ours.test']);
    expect(client.external(people).map((p) => p.email)).toEqual(['budi@x.test']);

    const down = createLookupClient(fakeAsk(true).ask);
    await down.ensure(['budi@x.test']);
    expect(down.external(people).map((p) => p.email)).toEqual(['budi@x.test']);
  });

  it('names a thread\'s new people for reading ahead, but not list senders', async () => {
    const asked: { emails: string[]; prefetch?: string[] }[] = [];
    const client = createLookupClient(async (emails, prefetch) => {
      asked.push(prefetch ? { emails, prefetch } : { emails });
      return emails.map((e) => contactMatch(e));
    });
    await Promise.all([client.ensure(['list@x.test']), client.ensure(['thread@x.test', 'list@x.test'], { thread: true })]);
    expect(asked).toEqual([{ emails: ['list@x.test', 'thread@x.test'], prefetch: ['thread@x.test'] }]);
  });

  it('asks again once, to read ahead, for a client first seen in the list and then opened as a thread', async () => {
    const asked: { emails: string[]; prefetch?: string[] }[] = [];
    let now = 0;
    const client = createLookupClient(async (emails, prefetch) => {
      asked.push(prefetch ? { emails, prefetch } : { emails });
      return emails.map((e) => (e.startsWith('nobody') ? { match: 'unknown', email: e } as LookupItem : contactMatch(e)));
    }, { now: () => now });
    await client.ensure(['client@x.test', 'nobody@y.test']);
    await client.ensure(['client@x.test', 'nobody@y.test'], { thread: true });
    // Unknown people have no account to read: they are not asked about again.
    expect(asked).toEqual([{ emails: ['client@x.test', 'nobody@y.test'] }, { emails: ['client@x.test'], prefetch: ['client@x.test'] }]);
    now += 1000;
    await client.ensure(['client@x.test'], { thread: true });
    expect(asked).toHaveLength(2);
  });
});
