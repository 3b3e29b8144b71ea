import { emailDomain, isFreeMailDomain, type Commitment, type LookupInclude } from '../../lib/api';
import type { Queryable } from '../db';
import { COMMITMENT_SELECT, toCommitment, type CommitmentRow } from './rows';
import { computeAndStore, type StaleSummary } from './summary-cache';
import { CALLER_CTE, readSettings } from './users';

interface MatchRow {
  team_id: string;
  settings_key: string;
  /** The rest is null on the one row of a lookup that matched nothing. */
  match: 'contact' | 'domain' | null;
  key: string;
  contact_id: string | null;
  contact_name: string | null;
  contact_role: string | null;
  account_id: string;
  /** The stored summary's generation (null: no row), and its JSON when current. */
  gen: string | null;
  summary: string | null;
  /** The team's stored settings, sent along only with a summary that must be computed. */
  risk_settings: unknown;
}

/**
 * A lookup in one statement: the caller (from the token hash, as `findCaller` reads it), the
 * addresses (already normalised) matched to contacts or by domain to accounts of the caller's
 * team, and the matched accounts' stored summaries; summaries that are missing or no longer
 * current are computed (a fixed few more queries) and stored. Free-mail domains never match by
 * domain: unrelated people share them.
 *
 * Answers the response body as JSON text, or null when the token has no active user. Stored
 * summaries are JSON already and go into the answer as they are, unparsed. Results follow the
 * request order, duplicates collapsed. With `openCommitments` in `include`, the open commitments
 * of the accounts in the results follow, in one more statement.
 */
export async function lookupJson(
  q: Queryable,
  tokenHash: string,
  emails: readonly string[],
  now: Date,
  include: readonly LookupInclude[] = [],
): Promise<string | null> {
  const unique = [...new Set(emails)];
  const domains = [...new Set(unique.map(emailDomain).filter((d) => d !== '' && !isFreeMailDomain(d)))];
  const { rows } = await q.query<MatchRow>(
    `with ${CALLER_CTE},
     m as (
       select 'contact' as match, e.email as key, c.id as contact_id, c.name as contact_name,
              c.role as contact_role, c.account_id
         from caller k
         join contact_emails e on e.team_id = k.team_id
         join contacts c on c.id = e.contact_id
        where e.email = any($2::text[])
       union all
       select 'domain', d.domain, null, null, null, d.account_id
         from caller k
         join account_domains d on d.team_id = k.team_id
        where d.domain = any($3::text[])
     )
     select k.team_id, k.settings_key, m.*, s.gen::text as gen,
            case when s.fresh then s.summary::text end as summary,
            case when s.fresh is not true then k.risk_settings end as risk_settings
       from caller k
       left join m on true
       left join lateral (
         select x.gen, x.summary,
                x.summary is not null and x.settings_key = k.settings_key and x.computed_at <= $4 and x.valid_until > $4 as fresh
           from account_summaries x
          where x.account_id = m.account_id and x.team_id = k.team_id
       ) s on true`,
    [tokenHash, unique, domains, now],
    'crm_lookup',
  );
  const first = rows[0];
  if (!first) return null;
  const byEmail = new Map<string, MatchRow>();
  const byDomain = new Map<string, string>();
  const summaries = new Map<string, string>();
  const stale = new Map<string, StaleSummary>();
  let storedSettings: unknown;
  for (const r of rows) {
    if (r.match === null) continue;
    if (r.match === 'contact') byEmail.set(r.key, r);
    else byDomain.set(r.key, r.account_id);
    if (r.summary !== null) {
      summaries.set(r.account_id, r.summary);
    } else {
      stale.set(r.account_id, { id: r.account_id, gen: r.gen });
      storedSettings = r.risk_settings;
    }
  }
  if (stale.size > 0) {
    const team = { settings: readSettings(storedSettings), key: first.settings_key };
    for (const [id, json] of await computeAndStore(q, first.team_id, [...stale.values()], team, now)) summaries.set(id, json);
  }

  const parts: string[] = [];
  /** The accounts the results name, in order of first mention. */
  const named = new Set<string>();
  for (const email of unique) {
    const contact = byEmail.get(email);
    const contactAccount = contact && summaries.get(contact.account_id);
    if (contact && contactAccount) {
      named.add(contact.account_id);
      const person = JSON.stringify({ id: contact.contact_id ?? '', name: contact.contact_name ?? '', role: contact.contact_role });
      parts.push(`{"match":"contact","email":${JSON.stringify(email)},"contact":${person},"account":${contactAccount}}`);
      continue;
    }
    const domain = emailDomain(email);
    const accountId = isFreeMailDomain(domain) ? undefined : byDomain.get(domain);
    const account = accountId === undefined ? undefined : summaries.get(accountId);
    if (account && accountId !== undefined) named.add(accountId);
    parts.push(account
      ? `{"match":"account-domain","email":${JSON.stringify(email)},"account":${account}}`
      : `{"match":"unknown","email":${JSON.stringify(email)}}`);
  }
  const results = `"results":[${parts.join(',')}]`;
  if (!include.includes('openCommitments')) return `{${results}}`;
  const open = await openCommitmentsOf(q, first.team_id, [...named]);
  return `{${results},"openCommitments":${JSON.stringify([...named].map((accountId) => ({ accountId, items: open[accountId] ?? [] })))}}`;
}

/**
 * The open commitments of each of `accountIds` (accounts of `teamId`), ordered as the commitments
 * route orders open ones: due date first (undated last), then newest, then id. Every account
 * asked for has an entry, empty when nothing is open.
 */
async function openCommitmentsOf(q: Queryable, teamId: string, accountIds: readonly string[]): Promise<Record<string, Commitment[]>> {
  const out: Record<string, Commitment[]> = {};
  for (const id of accountIds) out[id] = [];
  if (accountIds.length === 0) return out;
  const { rows } = await q.query<CommitmentRow>(
    `${COMMITMENT_SELECT}
      where c.account_id = any($1::uuid[]) and c.team_id = $2 and c.status = 'open'
      order by c.due_date asc nulls last, c.created_at desc, c.id`,
    [accountIds, teamId],
    'crm_lookup_open_commitments',
  );
  for (const row of rows) out[row.account_id]?.push(toCommitment(row));
  return out;
}
