import type { AccountDetail, LookupMatch } from '../../../lib/api';

/** Where the test CRM listens and the demo user's token. */
export interface CrmAddress {
  url: string;
  token: string;
}

/**
 * Calls the test CRM as the demo user, as the tests check what it holds: JSON in and out, and any
 * answer but a success throws with its status and body.
 */
export async function crmApi<T>(crm: CrmAddress, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${crm.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The account (with its people and summary) the CRM matches an address to; an unknown address throws. */
export async function accountDetailOf(crm: CrmAddress, email: string): Promise<AccountDetail> {
  const [match] = (await crmApi<{ results: LookupMatch[] }>(crm, '/v1/lookup', { method: 'POST', body: { emails: [email] } })).results;
  if (!match || match.match === 'unknown') throw new Error(`${email} is not known`);
  return crmApi<AccountDetail>(crm, `/v1/accounts/${match.account.id}`);
}
