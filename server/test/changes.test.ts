import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChangesPage, type Change } from '../../lib/api';
import { recordChanges } from '../store/changes';
import { availableBackends } from './support/backends';
import { useTestApp } from './support/test-app';
import { nearDigitBoundary } from './support/xid';

describe.each(availableBackends())('changes feed on $name', (backend) => {
  const { t, teams: [a], api } = useTestApp(backend);

  async function drain(since: string | undefined, limit = 3): Promise<{ changes: Change[]; cursor: string }> {
    const changes: Change[] = [];
    let cursor = since;
    for (;;) {
      const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { since: cursor } : {}) });
      const res = await api.get(`/v1/changes?${q}`);
      expect(res.status).toBe(200);
      const page = ChangesPage.parse(res.body);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.more) return { changes, cursor };
    }
  }

  it('lists each write\'s records once, across pages, and nothing more after the last cursor', async () => {
    const start = await drain(undefined);
    const note = await api.post<{ interaction: { id: string }; commitments: { id: string }[] }>('/v1/interactions', {
      accountId: a.accountId, kind: 'note', summary: 'x', commitments: [{ text: 'a' }, { text: 'b' }],
    });
    const contact = await api.post<{ contact: { id: string }; account: { id: string } }>('/v1/contacts', {
      name: 'New', emails: ['new@fresh.example'], newAccount: { name: 'Fresh', domains: ['fresh.example'] },
    });
    const after = await drain(start.cursor);
    expect(after.changes.map((c) => [c.type, c.id])).toEqual([
      ['interaction', note.body.interaction.id],
      ['commitment', note.body.commitments[0]?.id],
      ['commitment', note.body.commitments[1]?.id],
      ['account', contact.body.account.id],
      ['contact', contact.body.contact.id],
    ]);
    expect(after.changes[4]?.accountId).toBe(contact.body.account.id);
    expect((await drain(after.cursor)).changes).toEqual([]);
  });

  it('starts at the head with from=now: no history, then every later change once', async () => {
    await api.post('/v1/interactions', { accountId: a.accountId, kind: 'note', summary: 'before the head' });
    const res = await api.get('/v1/changes?from=now');
    expect(res.status).toBe(200);
    const head = ChangesPage.parse(res.body);
    expect(head).toMatchObject({ changes: [], more: false });
    const note = await api.post<{ interaction: { id: string } }>('/v1/interactions', { accountId: a.accountId, kind: 'note', summary: 'after' });
    const after = await drain(head.cursor);
    expect(after.changes.map((c) => c.id)).toEqual([note.body.interaction.id]);
    expect((await drain(after.cursor)).changes).toEqual([]);
    // A head taken again with nothing written meanwhile hands out nothing more.
    const again = ChangesPage.parse((await api.get('/v1/changes?from=now')).body);
    expect((await drain(again.cursor)).changes).toEqual([]);
  });

  it.each([
    ['from=later', 'query.from'],
    ['from=now&since=x', 'query.from'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await api.get(`/v1/changes?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'validation', field } });
  });

  // Transaction ids are compared as numbers: 999 < 1000. A feed ordered by their text (where
  // "1000" < "999") while the cursor compares numbers skips and repeats records at every new digit.
  it('hands out every record once at every page size while transaction ids gain a digit', async () => {
    const start = await drain(undefined, 1000);
    const written: string[] = [];
    // One transaction per note, starting 150 ids below a power of ten: the notes straddle an id
    // that gains a digit, and several cursor positions of every page size below.
    expect(await nearDigitBoundary(t.db, 150, 10_000_000)).toBe(true);
    for (let i = 0; i < 300; i++) {
      const res = await api.post<{ interaction: { id: string } }>('/v1/interactions', {
        accountId: a.accountId, kind: 'note', summary: `note ${i}`,
      });
      expect(res.status).toBe(201);
      written.push(res.body.interaction.id);
    }
    const { rows } = await t.db.query<{ lo: string; hi: string }>(
      `select min(xid)::text as lo, max(xid)::text as hi from changes where team_id = $1 and record_id = any($2::uuid[])`,
      [a.teamId, written],
    );
    // The test is only meaningful if the ids crossed a digit boundary.
    expect(rows[0]?.hi.length).toBeGreaterThan(rows[0]?.lo.length ?? Infinity);
    for (const limit of [1, 2, 7, 50, 99, 100, 101, 299, 300, 500, 1000]) {
      const { changes } = await drain(start.cursor, limit);
      const ids = changes.filter((c) => c.type === 'interaction').map((c) => c.id);
      expect(ids, `limit=${limit}`).toEqual(written);
    }
  });

  it('reads a cursor of the form handed out before the id-order fix as the start of the feed', async () => {
    const whole = await drain(undefined, 1000);
    const old = Buffer.from('9999.123', 'utf8').toString('base64url');
    const replayed = await drain(old, 1000);
    expect(replayed.changes).toEqual(whole.changes);
    expect(replayed.changes.length).toBeGreaterThan(0);
  });

  it('rejects a cursor it did not hand out', async () => {
    const beyond = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    for (const since of ['not-a-cursor', beyond('2.18446744073709551616.1'), beyond('2.5.9223372036854775808'), beyond('3.5.5')]) {
      const res = await api.get(`/v1/changes?since=${since}`);
      expect(res.status, since).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'validation', field: 'query.since' } });
    }
  });

  it.runIf(backend.name === 'postgres')(
    'does not skip a change whose transaction commits after a later one',
    async () => {
      const { cursor } = await drain(undefined);
      // Transaction 1 takes its id first and stays open; transaction 2 writes and commits.
      let releaseFirst = () => {};
      const firstDone = t.db.transaction(async (tx) => {
        await recordChanges(tx, a.teamId, [{ type: 'account', id: randomUUID(), accountId: a.accountId }]);
        await new Promise<void>((resolve) => (releaseFirst = resolve));
      });
      await new Promise((r) => setTimeout(r, 100));
      const laterId = randomUUID();
      await t.db.transaction((tx) => recordChanges(tx, a.teamId, [{ type: 'account', id: laterId, accountId: a.accountId }]));
      // While 1 is open, 2 is held back: handing it out now would move the cursor past 1.
      const during = await drain(cursor);
      expect(during.changes).toEqual([]);
      releaseFirst();
      await firstDone;
      const afterwards = await drain(during.cursor);
      expect(afterwards.changes).toHaveLength(2);
      expect(afterwards.changes[1]?.id).toBe(laterId);
    },
  );
});
