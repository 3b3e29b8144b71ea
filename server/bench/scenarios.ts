import { seededRandom } from '../seed/history';
import type { Dataset } from './dataset';
import type { BenchRequest } from './http-request';

/** Distinct requests per scenario; the load cycles through them. */
export const REQUESTS_PER_SCENARIO = 200;

export interface Scenario {
  name: string;
  description: string;
  requests: BenchRequest[];
}

/**
 * The two reads the extension makes most: a batch lookup of an inbox page's 50 senders (30 known
 * contacts, 10 strangers at clients' domains, 10 unknown), and the first timeline page of an account.
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
  return [
    { name: 'lookup-50', description: 'POST /v1/lookup, 50 addresses', requests: lookups },
    { name: 'timeline', description: 'GET /v1/accounts/{id}/timeline, first page of 20', requests: timelines },
  ];
}
