import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Risk, type RiskCode, RiskSettings } from '../../lib/api';
import { type AccountFacts, assessRisk } from '../../lib/risk';
import { exportBundle, importBundle } from '../bundle';
import type { Db } from '../db';
import { DEMO_ADDRESSES, DEMO_MAIN_USER, DEMO_TEAM, seedDemoIfEmpty } from '../seed';
import { findCaller } from '../store/users';
import { loadSummaries } from '../store/summaries';
import { availableBackends, type TestDatabase } from './support/backends';

const NOW = new Date('2026-11-23T10:00:00.000Z');

/** What each demo account is built to show. */
const EXPECTED: [name: string, level: Risk['level'], codes: RiskCode[]][] = [
  ['PT Bank Sinar Nusantara Tbk', 'ok', []],
  ['Sekretariat DPRD Provinsi Nusa Timur', 'at-risk', ['only-problems', 'silence']],
  ['PT Kilang Sawit Makmur', 'ok', []],
  ['PT Logistik Samudra Jaya', 'watch', ['competitor-mentioned']],
  ['CV Batik Larasati', 'watch', ['single-threaded']],
  ['PT Semen Gunung Kapur Tbk', 'at-risk', ['shrinking-business', 'overdue-commitments']],
  ['RS Harapan Sehat', 'ok', []],
  ['Kilang Getah Perak Sdn Bhd', 'watch', ['silence']],
  ['Bank Rakyat Maju Berhad', 'ok', []],
  ['Syarikat Pengangkutan Tan & Lim Sdn Bhd', 'watch', ['single-threaded']],
  ['Majlis Perbandaran Tanjung Indah', 'watch', ['no-owner']],
  ['Seri Pantai Resort & Spa', 'at-risk', ['only-problems', 'competitor-mentioned']],
  ['Klinik Pergigian Dr. Lee & Rakan', 'ok', []],
  ['Hanoi Green Logistics JSC', 'watch', ['silence']],
  ['Almaty Grain Trading LLP', 'watch', ['silence']],
  ['ООО «СеверТрансЛогистик»', 'watch', ['silence']],
  ['АО «Уральский Банк Развития»', 'ok', []],
  ['ЗАО «Волга-Агро»', 'watch', ['competitor-mentioned']],
  ['ООО «Балтийские Верфи Сервис»', 'at-risk', ['silence', 'no-owner']],
  ['Городская клиническая больница № 7', 'ok', []],
  ['ООО «Ромашка»', 'watch', ['overdue-commitments']],
  ['АО «Сибирская Энергосетевая Компания»', 'ok', []],
  ['Marin & Fiii SRL', 'ok', []],
  ['Primăria Orașului Valea Verde', 'at-risk', ['overdue-commitments', 'only-problems']],
  ['Banca Carpatica Comercială SA', 'ok', []],
  ['Transilvania Logistic SRL', 'watch', ['shrinking-business']],
  ['Farmacia „Sănătatea” SRL', 'watch', ['competitor-mentioned']],
  ['Fabrica de Mobilă Codru SA', 'watch', ['no-owner']],
  ['Müller & Söhne Maschinenbau GmbH', 'ok', []],
  ['Warszawskie Centrum Danych Sp. z o.o.', 'watch', ['overdue-commitments', 'single-threaded']],
  ['Anadolu Tekstil A.Ş.', 'ok', []],
];

const ALL_CODES: RiskCode[] = [
  'silence', 'overdue-commitments', 'only-problems', 'shrinking-business', 'single-threaded', 'no-owner', 'competitor-mentioned',
];

interface Assessed { id: string; name: string; risk: Risk }

/** Reads each account's facts straight from the tables and runs the rules over them. */
async function assessAll(db: Db, teamId: string, settings: RiskSettings): Promise<Assessed[]> {
  const accounts = await db.query<{ id: string; name: string; cadence_days: number | null; active_owner: boolean }>(
    `select a.id, a.name, a.cadence_days, coalesce(o.active, false) as active_owner
       from accounts a left join users o on o.id = a.owner_id where a.team_id = $1`, [teamId]);
  const interactions = await db.query<{ account_id: string; kind: never; direction: never; occurred_at: Date; contact_ids: string[]; amount: number | null; summary: string }>(
    'select account_id, kind, direction, occurred_at, contact_ids, amount, summary from interactions where team_id = $1', [teamId]);
  const open = await db.query<{ account_id: string; due_date: string | null }>(
    "select account_id, due_date from commitments where team_id = $1 and status = 'open'", [teamId]);
  return accounts.rows.map((a) => {
    const facts: AccountFacts = {
      now: NOW.getTime(),
      cadenceDays: a.cadence_days,
      hasActiveOwner: a.active_owner,
      interactions: interactions.rows.filter((i) => i.account_id === a.id).map((i) => ({
        kind: i.kind, direction: i.direction, occurredAt: i.occurred_at.getTime(), contactIds: i.contact_ids, amount: i.amount, summary: i.summary,
      })),
      openCommitmentDueDates: open.rows.filter((c) => c.account_id === a.id).map((c) => c.due_date),
    };
    return { id: a.id, name: a.name, risk: assessRisk(facts, settings) };
  });
}

describe.each(availableBackends())('demo data on $name', (backend) => {
  let testDb: TestDatabase;
  let db: Db;
  let token: string | undefined;
  let teamId: string;
  let settings: RiskSettings;
  let assessed: Assessed[];

  beforeAll(async () => {
    testDb = await backend.create();
    db = testDb.db;
    token = (await seedDemoIfEmpty(db, NOW))?.token;
    const team = await db.query<{ id: string; risk_settings: unknown }>('select id, risk_settings from teams where name = $1', [DEMO_TEAM]);
    teamId = team.rows[0]?.id ?? '';
    settings = RiskSettings.parse(team.rows[0]?.risk_settings ?? {});
    assessed = await assessAll(db, teamId, settings);
  });
  afterAll(() => testDb.dispose());

  it('seeds once, and returns a working token for the main demo user', async () => {
    expect(token).toMatch(/^crm_/);
    expect(await seedDemoIfEmpty(db, NOW)).toBeNull();
    const caller = await findCaller(db, token ?? '');
    expect(caller).toMatchObject({ userEmail: DEMO_MAIN_USER.email, teamName: DEMO_TEAM });
    const users = await db.query<{ active: boolean }>('select active from users where team_id = $1', [teamId]);
    expect(users.rows.filter((u) => !u.active)).toHaveLength(1);
    expect(settings.competitors.length).toBeGreaterThanOrEqual(3);
  });

  it('has about thirty accounts, each showing what it was built to show', () => {
    expect(assessed.length).toBe(EXPECTED.length);
    const byName = new Map(assessed.map((a) => [a.name, a.risk]));
    for (const [name, level, codes] of EXPECTED) {
      const risk = byName.get(name);
      expect({ name, level: risk?.level, codes: risk?.reasons.map((r) => r.code).sort() }).toEqual({ name, level, codes: [...codes].sort() });
    }
  });

  it('exercises every risk reason, both kinds of silence, and has healthy accounts', () => {
    const reasons = assessed.flatMap((a) => a.risk.reasons);
    expect(new Set(reasons.map((r) => r.code))).toEqual(new Set(ALL_CODES));
    const bases = reasons.flatMap((r) => (r.code === 'silence' ? [r.basis] : []));
    expect(new Set(bases)).toEqual(new Set(['cadence', 'usual-gap']));
    const levels = assessed.map((a) => a.risk.level);
    expect(levels.filter((l) => l === 'ok').length).toBeGreaterThanOrEqual(8);
    expect(levels).toContain('at-risk');
  });

  it('agrees with the summaries the API serves', async () => {
    const summaries = await loadSummaries(db, teamId, assessed.map((a) => a.id), settings, NOW);
    for (const a of assessed) expect([a.name, summaries.get(a.id)?.risk]).toEqual([a.name, a.risk]);
  });

  it('round-trips through export and import into an empty team', async () => {
    const exported = await exportBundle(db, teamId);
    expect(exported.accounts).toHaveLength(EXPECTED.length);
    expect(exported.commitments.filter((c) => c.source !== null)).toHaveLength(1);
    expect(exported.interactions.filter((i) => i.threadId !== null).length).toBeGreaterThan(10);
    const copy = await db.query<{ id: string }>("insert into teams (id, name) values (gen_random_uuid(), 'Demo copy') returning id");
    const copyId = copy.rows[0]?.id ?? '';
    await importBundle(db, copyId, JSON.parse(JSON.stringify(exported)));
    expect(await exportBundle(db, copyId)).toEqual(exported);
  });

  it('matches the well-known addresses as documented', async () => {
    const contact = async (email: string) => (await db.query<{ name: string }>(
      `select a.name from contact_emails e join contacts c on c.id = e.contact_id join accounts a on a.id = c.account_id
        where e.team_id = $1 and e.email = $2`, [teamId, email])).rows[0]?.name;
    const byDomain = async (email: string) => (await db.query<{ n: number }>(
      'select count(*)::int as n from account_domains where team_id = $1 and domain = $2', [teamId, email.split('@')[1]])).rows[0]?.n;
    const level = (name: string | undefined) => assessed.find((a) => a.name === name)?.risk.level;
    expect(level(await contact(DEMO_ADDRESSES.atRisk))).toBe('at-risk');
    expect(level(await contact(DEMO_ADDRESSES.watch))).toBe('watch');
    expect(level(await contact(DEMO_ADDRESSES.healthy))).toBe('ok');
    expect(await contact(DEMO_ADDRESSES.freeMail)).toBe('CV Batik Larasati');
    expect(await contact(DEMO_ADDRESSES.domainOnly)).toBeUndefined();
    expect(await byDomain(DEMO_ADDRESSES.domainOnly)).toBe(1);
    expect(await contact(DEMO_ADDRESSES.unknown)).toBeUndefined();
    expect(await byDomain(DEMO_ADDRESSES.unknown)).toBe(0);
  });
});
