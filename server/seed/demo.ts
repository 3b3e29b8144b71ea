import { BUNDLE_VERSION, type BundleInput } from '../bundle';
import { ASIA_ACCOUNTS } from './demo-accounts-asia';
import { EUROPE_ACCOUNTS } from './demo-accounts-europe';
import type { DemoAccount, DemoUserKey } from './demo-types';
import { History } from './history';

export const DEMO_TEAM = 'Demo';

/** The demo team. Sergei has left the company: the accounts he still owns have no active owner. */
export const DEMO_USERS: Record<DemoUserKey, { name: string; email: string; active: boolean }> = {
  dewi: { name: 'Dewi Lestari', email: 'dewi.lestari@arusdata.example', active: true },
  andrei: { name: 'Andrei Popescu', email: 'andrei.popescu@arusdata.example', active: true },
  nurul: { name: 'Nurul Aisyah', email: 'nurul.aisyah@arusdata.example', active: true },
  sergei: { name: 'Sergei Volkov', email: 'sergei.volkov@arusdata.example', active: false },
};

/** The user whose token the server prints on first start. */
export const DEMO_MAIN_USER = DEMO_USERS.dewi;

/** Competitors the demo team watches for in notes (one in Cyrillic, matched as a whole word). */
export const DEMO_COMPETITORS = ['Nusantara Net', 'Kilat Fibre', 'МегаСвязь', 'RoNet', 'DataWave'];

/** Well-known addresses for browser tests and benchmarks, each with a fixed outcome. */
export const DEMO_ADDRESSES = {
  /** A contact of an at-risk account (shrinking business, cancellations, overdue promises). */
  atRisk: 'hendra.wijaya@semengunungkapur.co.id',
  /** A contact of an account to watch (silent beyond its agreed rhythm); a Cyrillic name. */
  watch: 'olga.kuznetsova@severtrans.ru',
  /** A contact of a healthy account. */
  healthy: 'budi.santoso@banksinar.co.id',
  /** Nobody on file, but the domain belongs to an account (which has no contacts at all). */
  domainOnly: 'procurement@kilangsawit.co.id',
  /** A contact who writes from a free-mail address; matched by address, never by domain. */
  freeMail: 'larasati.batik@gmail.com',
  /** Matches nothing. */
  unknown: 'hello@nowhere-trading.example',
} as const;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [...ASIA_ACCOUNTS, ...EUROPE_ACCOUNTS];

/**
 * The demo data as an import bundle, with every date relative to `now` so that each account
 * shows the same signals whenever it is seeded.
 */
export function demoBundle(now: Date): BundleInput {
  const email = (key: DemoUserKey | null) => (key === null ? null : DEMO_USERS[key].email);
  const histories = DEMO_ACCOUNTS.map((a) => {
    const h = new History(now.getTime(), a.ref, a.contacts.map((c) => c.emails[0] ?? ''), email(a.loggedBy ?? a.owner));
    for (const strand of a.story) strand(h);
    return h;
  });
  return {
    version: BUNDLE_VERSION,
    users: Object.values(DEMO_USERS),
    riskSettings: { competitors: DEMO_COMPETITORS },
    accounts: DEMO_ACCOUNTS.map((a) => ({
      ref: a.ref, name: a.name, domains: a.domains ?? [], stage: a.stage, owner: email(a.owner),
      team: (a.team ?? []).map((k) => DEMO_USERS[k].email), cadenceDays: a.cadenceDays ?? null,
      preferences: a.preferences ?? {}, specialTerms: a.specialTerms ?? null,
    })),
    contacts: DEMO_ACCOUNTS.flatMap((a) => a.contacts.map((c) => ({ account: a.ref, ...c }))),
    interactions: histories.flatMap((h) => h.interactions),
    commitments: histories.flatMap((h) => h.commitments),
  };
}
