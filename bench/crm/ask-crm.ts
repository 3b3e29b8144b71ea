import type { BenchCrm } from './start-crm';

export interface AccountFacts {
  name: string;
  stage: string;
  openCommitments: number;
  level: 'ok' | 'watch' | 'at-risk';
}

interface LookupAnswer {
  results: { email: string; match: string; account?: { name: string; stage: string; openCommitments: number; risk: { level: AccountFacts['level'] } } }[];
}

/**
 * What the CRM itself says about addresses (straight over HTTP, not through the extension), in
 * batches of 100: the account behind each, or null for nobody.
 */
export async function askCrm(crm: BenchCrm, emails: readonly string[]): Promise<Map<string, AccountFacts | null>> {
  const out = new Map<string, AccountFacts | null>();
  const unique = [...new Set(emails)];
  for (let i = 0; i < unique.length; i += 100) {
    const response = await fetch(`${crm.url}/v1/lookup`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ emails: unique.slice(i, i + 100) }),
    });
    if (!response.ok) throw new Error(`lookup answered ${response.status}`);
    for (const { email, account } of ((await response.json()) as LookupAnswer).results) {
      out.set(email, account ? { name: account.name, stage: account.stage, openCommitments: account.openCommitments, level: account.risk.level } : null);
    }
  }
  return out;
}

/** How many `POST /v1/lookup` the CRM answered so far. */
export async function lookupCount(crm: BenchCrm): Promise<number> {
  return (await crm.counts())['POST /v1/lookup'] ?? 0;
}
