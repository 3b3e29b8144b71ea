import { seededRandom } from '../seed/history';
import type { Dataset } from './dataset';
import type { BenchRequest } from './http-request';
import type { SCENARIO_NAMES } from './options';

/** Distinct requests per scenario; the load cycles through them. */
export const REQUESTS_PER_SCENARIO = 200;

export interface Scenario {
  name: (typeof SCENARIO_NAMES)[number];
  description: string;
  requests: BenchRequest[];
  /**
   * Lookups that must compute every summary they answer: before each pass over the requests
   * (each sent once per pass) every stored summary is made stale, and no two requests of a pass
   * share an account.
   */
  cold?: boolean;
}

/** Accounts a lookup of the mix below meets: 30 contacts' and 10 domains'. */
const ACCOUNTS_PER_LOOKUP = 40;

/**
 * The two reads the extension makes most: a batch lookup of an inbox page's 50 senders (30 known
 * contacts, 10 strangers at clients' domains, 10 unknown), and the first timeline page of an
 * account; the first screen of `GET /v1/attention`; then the same lookup mix where no stored
 * summary can be used (`cold`).
 */
export function scenarios(data: Dataset, count = REQUESTS_PER_SCENARIO): Scenario[] {
  const random = seededRandom('bench-requests');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const lookups = Array.from({ length: count }, (_, n): BenchRequest => {
    const emails = [
      ...Array.from({ length: 30 }, () => pick(data.contactEmails)),
      ...Array.from({ length: 10 }, (_, i) => `newcomer${n}-${i}@${pick(data.domains)}`),
      ...Array.from({ length: 10 }, (_, i) => `someone${n}-${i}@unknown-${n}-${i}.example`),
    ];
    return { method: 'POST', path: '/v1/lookup', body: JSON.stringify({ emails }) };
  });
  const timelines = Array.from({ length: count }, (): BenchRequest => ({
    method: 'GET', path: `/v1/accounts/${pick(data.accountIds)}/timeline?limit=20`,
  }));
  // The first contact of each account is contact n of account n (Dataset.contacts), so request k
  // can take accounts 40k … 40k + 39 alone: their first contacts, then strangers at their domains.
  const accounts = data.size.accounts;
  const coldLookups = Array.from({ length: Math.max(1, Math.floor(accounts / ACCOUNTS_PER_LOOKUP)) }, (_, k): BenchRequest => {
    const account = (i: number) => (k * ACCOUNTS_PER_LOOKUP + i) % accounts;
    const emails = [
      ...Array.from({ length: 30 }, (_, i) => data.contactEmails[account(i)]!),
      ...Array.from({ length: 10 }, (_, i) => `newcomer-cold${k}-${i}@${data.domains[account(30 + i)]}`),
      ...Array.from({ length: 10 }, (_, i) => `someone-cold${k}-${i}@unknown-cold-${k}-${i}.example`),
    ];
    return { method: 'POST', path: '/v1/lookup', body: JSON.stringify({ emails }) };
  });
  // The first screen of the token's user, owner of 500 accounts at full size (Dataset.owner).
  const attention = Array.from({ length: count }, (): BenchRequest => ({ method: 'GET', path: '/v1/attention?owner=me&limit=20' }));
  // What a salesperson types into the account search: a few letters of a word of a name (each
  // word is in one name in 16), the start of a name, of a domain, of a contact's address.
  const words = ['sin', 'jay', 'mak', 'sev', 'vol', 'ura', 'get', 'per', 'car', 'cod', 'mar', 'del', 'nus', 'bal', 'agr', 'tek'];
  const searches = Array.from({ length: count }, (_, n): BenchRequest => {
    const q = [
      () => pick(words),
      () => `client ${Math.floor(random() * accounts)}`,
      () => pick(data.domains).slice(0, 8),
      () => pick(data.contactEmails).slice(0, 6),
    ][n % 4]!();
    return { method: 'GET', path: `/v1/accounts?q=${encodeURIComponent(q)}` };
  });
  return [
    { name: 'lookup-50', description: 'POST /v1/lookup, 50 addresses', requests: lookups },
    { name: 'timeline', description: 'GET /v1/accounts/{id}/timeline, first page of 20', requests: timelines },
    { name: 'account-search', description: 'GET /v1/accounts?q=, a word, name, domain or address prefix, 20 hits', requests: searches },
    { name: 'attention', description: 'GET /v1/attention, first screen (3 sections of 20) of an owner of 500 accounts', requests: attention },
    {
      name: 'lookup-50-cold',
      description: 'POST /v1/lookup, 50 addresses, every summary stale: each request computes and stores its 40 accounts\' summaries',
      requests: coldLookups,
      cold: true,
    },
  ];
}
