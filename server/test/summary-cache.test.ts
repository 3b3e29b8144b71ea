import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountSummary, LookupResponse, type LookupMatch } from '../../lib/api';
import { DEFAULT_RISK_SETTINGS } from '../../lib/risk';
import { createApp } from '../app';
import { importBundle } from '../bundle';
import { startSummaryRefresher } from '../runtime/summary-refresher';
import { computeAndStore, markSummariesStale, teamSettings, type TeamSettings } from '../store/summary-cache';
import { computeSummaries } from '../store/summaries';
import { setRiskSettings } from '../store/users';
import { availableBackends, type TestDatabase } from './support/backends';
import { client } from './support/client';
import { countingDb } from './support/counting-db';
import { insertAccount, insertContact, makeTeam, type TeamFixture } from './support/fixtures';

const START = new Date('2026-11-23T10:00:00.000Z');
const DAY = 86_400_000;

interface StoredRow {
  summary: string | null;
  gen: string;
  valid_until: Date | null;
  computed_at: Date | null;
}

describe.each(availableBackends())('stored account summaries on $name', (backend) => {
  let t: TestDatabase;
  let a: TeamFixture;
  let counter: ReturnType<typeof countingDb>;
  let api: ReturnType<typeof client>;
  let clock = START;

  beforeAll(async () => {
    t = await backend.create();
    a = await makeTeam(t.db, 'alpha', 'alpha-client.co.id');
    counter = countingDb(t.db);
    api = client(createApp({ db: counter.db, now: () => clock }), a.token);
  });
  afterAll(() => t.dispose());
  beforeEach(() => {
    clock = START;
  });

  const lookupOne = async (email: string): Promise<LookupMatch> => {
    const res = await api.post('/v1/lookup', { emails: [email] });
    expect(res.status).toBe(200);
    const [r] = LookupResponse.parse(res.body).results;
    if (!r) throw new Error('no result');
    return r;
  };
  const accountOf = async (email: string): Promise<AccountSummary> => {
    const r = await lookupOne(email);
    if (r.match === 'unknown') throw new Error(`${email} is unknown`);
    return r.account;
  };
  const current = async (): Promise<TeamSettings> => {
    const team = await teamSettings(t.db, a.teamId);
    if (!team) throw new Error('no team');
    return team;
  };
  const stored = async (accountId: string): Promise<StoredRow | undefined> =>
    (await t.db.query<StoredRow>('select summary::text as summary, gen::text as gen, valid_until, computed_at from account_summaries where account_id = $1', [accountId])).rows[0];
  /** A lookup, then the row it left: the summary is stored and current. */
  const warm = async (email: string, accountId: string) => {
    const before = await accountOf(email);
    expect((await stored(accountId))?.summary).not.toBeNull();
    return before;
  };
  const newClient = async (name: string, fields: { cadenceDays?: number | null; ownerId?: string | null } = {}) => {
    const domain = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 6)}.example`;
    const id = await insertAccount(t.db, a.teamId, { name, ownerId: a.userId, domains: [domain], ...fields });
    const email = `buyer@${domain}`;
    const contactId = await insertContact(t.db, a.teamId, id, 'Buyer', [email]);
    return { id, email, domain, contactId };
  };
  const addInteraction = (accountId: string, daysAgo: number, extra: { contactIds?: string[]; direction?: string; summary?: string } = {}) =>
    t.db.query(
      `insert into interactions (id, team_id, account_id, kind, direction, occurred_at, summary, contact_ids)
       values ($1, $2, $3, 'call', $4, $5, $6, $7::uuid[])`,
      [randomUUID(), a.teamId, accountId, extra.direction ?? 'outbound', new Date(clock.getTime() - daysAgo * DAY), extra.summary ?? 'x', extra.contactIds ?? []],
    );

  it('a second lookup reads the stored summary: one statement', async () => {
    const c = await newClient('Reader');
    await warm(c.email, c.id);
    counter.reset();
    await lookupOne(c.email);
    expect(counter.count()).toBe(1);
  });

  describe('a lookup right after a write reflects it', () => {
    it('an interaction logged through the API', async () => {
      const c = await newClient('Logged');
      expect((await warm(c.email, c.id)).lastContactAt).toBeNull();
      const res = await api.post('/v1/interactions', { accountId: c.id, kind: 'call', direction: 'outbound', summary: 'intro call', contactIds: [c.contactId] });
      expect(res.status).toBe(201);
      const after = await accountOf(c.email);
      expect(after.lastContactAt).toBe(START.toISOString());
      expect(after.contactsInTouch).toBe(1);
    });

    it('an interaction written in plain SQL, and one deleted', async () => {
      const c = await newClient('Plain SQL');
      await warm(c.email, c.id);
      await addInteraction(c.id, 3);
      expect((await accountOf(c.email)).lastContactAt).toBe(new Date(START.getTime() - 3 * DAY).toISOString());
      await t.db.query('delete from interactions where account_id = $1', [c.id]);
      expect((await accountOf(c.email)).lastContactAt).toBeNull();
    });

    it('a commitment created, then completed', async () => {
      const c = await newClient('Promised');
      await warm(c.email, c.id);
      const res = await api.post('/v1/commitments', { accountId: c.id, text: 'send the offer', dueDate: '2026-11-20' });
      expect(res.status).toBe(201);
      const created = (res.body as { commitment: { id: string } }).commitment;
      const open = await accountOf(c.email);
      expect(open).toMatchObject({ openCommitments: 1, overdueCommitments: 1 });
      expect(open.risk.reasons.map((r) => r.code)).toContain('overdue-commitments');
      const done = await api.patch(`/v1/commitments/${created.id}`, { version: 1, status: 'done' });
      expect(done.status).toBe(200);
      expect(await accountOf(c.email)).toMatchObject({ openCommitments: 0, overdueCommitments: 0, risk: { level: 'ok', reasons: [] } });
    });

    it('an interaction with promises made in it', async () => {
      const c = await newClient('Promises in a note');
      await warm(c.email, c.id);
      const res = await api.post('/v1/interactions', {
        accountId: c.id, kind: 'meeting', direction: 'outbound', summary: 'review', commitments: [{ text: 'a', dueDate: '2026-12-24' }, { text: 'b' }],
      });
      expect(res.status).toBe(201);
      expect(await accountOf(c.email)).toMatchObject({ openCommitments: 2, overdueCommitments: 0 });
    });

    it('a new account made with a contact through the API', async () => {
      const email = `first@brand-new-${randomUUID().slice(0, 6)}.example`;
      expect((await lookupOne(email)).match).toBe('unknown');
      const res = await api.post('/v1/contacts', { name: 'First', emails: [email], newAccount: { name: 'Brand new', domains: [email.split('@')[1]] } });
      expect(res.status).toBe(201);
      const r = await lookupOne(email);
      expect(r.match).toBe('contact');
      expect(r.match !== 'unknown' && r.account.name).toBe('Brand new');
    });

    it('a contact added to an existing account, and one moved to another account', async () => {
      const c = await newClient('Contacts');
      const other = await newClient('Other');
      await warm(c.email, c.id);
      await warm(other.email, other.id);
      const email = `second@${c.domain}`;
      const res = await api.post('/v1/contacts', { name: 'Second', emails: [email], accountId: c.id });
      expect(res.status).toBe(201);
      const added = await lookupOne(email);
      expect(added.match).toBe('contact');
      expect(added.match !== 'unknown' && added.account.id).toBe(c.id);
      await t.db.query('update contacts set account_id = $2 where id = $1', [c.contactId, other.id]);
      const moved = await lookupOne(c.email);
      expect(moved.match !== 'unknown' && moved.account.id).toBe(other.id);
    });

    it('an account renamed, its stage and cadence changed', async () => {
      const c = await newClient('Before rename');
      await addInteraction(c.id, 20);
      await warm(c.email, c.id);
      await t.db.query(`update accounts set name = 'After rename', stage = 'loyal', cadence_days = 14 where id = $1`, [c.id]);
      const after = await accountOf(c.email);
      expect(after).toMatchObject({ name: 'After rename', stage: 'loyal', cadenceDays: 14 });
      expect(after.risk.reasons).toContainEqual({ code: 'silence', days: 20, expectedDays: 14, basis: 'cadence' });
    });

    it('an account given another owner, and that owner deactivated, renamed, reactivated', async () => {
      const c = await newClient('Owned');
      await warm(c.email, c.id);
      await t.db.query('update accounts set owner_id = $2 where id = $1', [c.id, a.colleagueId]);
      expect((await accountOf(c.email)).owner?.id).toBe(a.colleagueId);
      await t.db.query('update users set active = false where id = $1', [a.colleagueId]);
      expect((await accountOf(c.email)).risk.reasons).toContainEqual({ code: 'no-owner' });
      await t.db.query(`update users set name = 'Renamed colleague', active = true where id = $1`, [a.colleagueId]);
      const after = await accountOf(c.email);
      expect(after.owner?.name).toBe('Renamed colleague');
      expect(after.risk.reasons).not.toContainEqual({ code: 'no-owner' });
    });

    it('the team\'s risk settings changed', async () => {
      const c = await newClient('Watched');
      await addInteraction(c.id, 5, { direction: 'internal', summary: 'They talk to Orange about the renewal' });
      expect((await warm(c.email, c.id)).risk.reasons).toEqual([]);
      await setRiskSettings(t.db, a.teamId, { ...DEFAULT_RISK_SETTINGS, competitors: ['Orange'] });
      try {
        expect((await accountOf(c.email)).risk.reasons).toContainEqual({ code: 'competitor-mentioned', competitor: 'Orange', daysAgo: 5 });
      } finally {
        await setRiskSettings(t.db, a.teamId, DEFAULT_RISK_SETTINGS);
      }
      expect((await accountOf(c.email)).risk.reasons).toEqual([]);
    });

    it('an import adding history to an existing account', async () => {
      const c = await newClient('Imported into');
      await warm(c.email, c.id);
      const at = new Date(START.getTime() - 2 * DAY).toISOString();
      await importBundle(t.db, a.teamId, {
        version: 1,
        accounts: [{ ref: 'Imported into', name: 'Imported into' }],
        interactions: [{ account: 'Imported into', kind: 'call', direction: 'inbound', occurredAt: at, summary: 'from the old CRM' }],
        commitments: [{ account: 'Imported into', text: 'old promise', dueDate: '2026-11-01' }],
      }, { accountsByName: true });
      expect(await accountOf(c.email)).toMatchObject({ lastContactAt: at, openCommitments: 1, overdueCommitments: 1 });
    });
  });

  describe('time', () => {
    it('a summary is used until valid_until and computed again from then on', async () => {
      const c = await newClient('Rhythm', { cadenceDays: 14 });
      await addInteraction(c.id, 10);
      expect((await warm(c.email, c.id)).risk.reasons).toEqual([]);
      const row = await stored(c.id);
      // Ten days of a 14-day rhythm: the silence reason starts when 15 days have passed.
      expect(row?.valid_until?.getTime()).toBe(START.getTime() + 5 * DAY);
      clock = new Date(START.getTime() + 5 * DAY - 1);
      counter.reset();
      expect((await accountOf(c.email)).risk.reasons).toEqual([]);
      expect(counter.count()).toBe(1);
      clock = new Date(START.getTime() + 5 * DAY);
      expect((await accountOf(c.email)).risk.reasons).toEqual([{ code: 'silence', days: 15, expectedDays: 14, basis: 'cadence' }]);
      expect((await stored(c.id))?.computed_at?.getTime()).toBe(clock.getTime());
    });

    it('an interaction dated later starts to count at its moment', async () => {
      const c = await newClient('Planned');
      const planned = new Date(START.getTime() + 2 * DAY);
      await t.db.query(
        `insert into interactions (id, team_id, account_id, kind, direction, occurred_at, summary) values ($1, $2, $3, 'meeting', 'outbound', $4, 'planned visit')`,
        [randomUUID(), a.teamId, c.id, planned],
      );
      expect((await warm(c.email, c.id)).lastContactAt).toBeNull();
      expect((await stored(c.id))?.valid_until?.getTime()).toBe(planned.getTime());
      clock = planned;
      expect((await accountOf(c.email)).lastContactAt).toBe(planned.toISOString());
    });

    it('a clock set back before computed_at does not use the stored summary', async () => {
      const c = await newClient('Back in time');
      clock = new Date(START.getTime() + DAY);
      await warm(c.email, c.id);
      clock = START;
      counter.reset();
      await lookupOne(c.email);
      expect(counter.count()).toBeGreaterThan(1);
      expect((await stored(c.id))?.computed_at?.getTime()).toBe(START.getTime());
    });

    it('a stored summary equals one computed fresh at the last instant it is used', async () => {
      const ids: string[] = [];
      for (let n = 0; n < 12; n++) {
        const c = await newClient(`Mixed ${n}`, { cadenceDays: n % 3 === 0 ? null : 7 + n });
        for (let k = 0; k < n; k++) {
          await addInteraction(c.id, (k * 37 + n * 11) % 400 + k / 7, { contactIds: k % 2 ? [c.contactId] : [], direction: k % 3 ? 'inbound' : 'internal' });
        }
        if (n % 2) await api.post('/v1/commitments', { accountId: c.id, text: 'p', dueDate: new Date(START.getTime() + (n - 6) * DAY).toISOString().slice(0, 10) });
        ids.push(c.id);
      }
      const team = await current();
      await markSummariesStale(t.db, a.teamId);
      const gens = await t.db.query<{ account_id: string; gen: string }>('select account_id, gen::text as gen from account_summaries where account_id = any($1::uuid[])', [ids]);
      const cached = await computeAndStore(t.db, a.teamId, gens.rows.map((r) => ({ id: r.account_id, gen: r.gen })), team, START);
      for (const id of ids) {
        const row = await stored(id);
        const until = row?.valid_until?.getTime() ?? 0;
        expect(until).toBeGreaterThan(START.getTime());
        const fresh = await computeSummaries(t.db, a.teamId, [id], team.settings, new Date(until - 1));
        expect(JSON.parse(cached.get(id) ?? 'null'), id).toEqual(fresh.get(id)?.summary);
      }
    });
  });

  describe('races', () => {
    it('a summary computed before a write is not stored after it', async () => {
      const c = await newClient('Raced');
      const { rows } = await t.db.query<{ gen: string }>('select gen::text as gen from account_summaries where account_id = $1', [c.id]);
      const gen = rows[0]?.gen ?? null;
      await addInteraction(c.id, 1);
      // Computed now it would include the interaction, but it started from the older generation.
      await computeAndStore(t.db, a.teamId, [{ id: c.id, gen }], await current(), START);
      expect((await stored(c.id))?.summary).toBeNull();
      await computeAndStore(t.db, a.teamId, [{ id: c.id, gen: (await stored(c.id))?.gen ?? null }], await current(), START);
      expect((await stored(c.id))?.summary).not.toBeNull();
    });

    it('writes and lookups at once: every answer succeeds and the last one is current', async () => {
      const c = await newClient('Busy');
      await warm(c.email, c.id);
      const writes = Array.from({ length: 12 }, (_, n) => api.post('/v1/interactions', {
        accountId: c.id, kind: 'call', direction: 'outbound', summary: `call ${n}`,
        occurredAt: new Date(START.getTime() - (n + 1) * 3_600_000).toISOString(),
      }));
      const reads = Array.from({ length: 12 }, () => api.post('/v1/lookup', { emails: [c.email] }));
      const answers = await Promise.all([...writes, ...reads]);
      expect(answers.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
      expect((await accountOf(c.email)).lastContactAt).toBe(new Date(START.getTime() - 3_600_000).toISOString());
    });

    it('a summary of other risk settings is not used', async () => {
      const c = await newClient('Other settings');
      const other = { settings: { ...DEFAULT_RISK_SETTINGS, watchAt: 5 }, key: 'other settings' };
      await computeAndStore(t.db, a.teamId, [{ id: c.id, gen: (await stored(c.id))?.gen ?? null }], other, START);
      expect((await stored(c.id))?.summary).not.toBeNull();
      counter.reset();
      await lookupOne(c.email);
      expect(counter.count()).toBeGreaterThan(1);
    });
  });

  describe('the refresher', () => {
    it('computes what is missing, stale or expired, in batches, and stops cleanly', async () => {
      await markSummariesStale(t.db);
      const due = async () => (await t.db.query<{ n: number }>(
        'select count(*)::int as n from account_summaries where summary is null or valid_until <= $1', [clock],
      )).rows[0]?.n ?? -1;
      expect(await due()).toBeGreaterThan(10);
      const refresher = startSummaryRefresher(t.db, { now: () => clock, batch: 4, pauseMs: 1 });
      try {
        await refresher.runNow();
        expect(await due()).toBe(0);
        clock = new Date(START.getTime() + 40 * DAY);
        expect(await due()).toBeGreaterThan(0);
        await refresher.runNow();
        expect(await due()).toBe(0);
      } finally {
        await refresher.stop();
      }
      expect(await refresher.runNow()).toBe(0);
    });

    it('stopping in the middle of a run waits for its batch and ends the run', async () => {
      await markSummariesStale(t.db);
      const refresher = startSummaryRefresher(t.db, { now: () => clock, batch: 1, pauseMs: 50 });
      await new Promise((done) => setTimeout(done, 20));
      await refresher.stop();
      const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from account_summaries where summary is null');
      expect(rows[0]?.n).toBeGreaterThan(0);
    });
  });
});
