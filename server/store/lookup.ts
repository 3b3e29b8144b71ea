import { emailDomain, isFreeMailDomain } from '../../lib/api';
import type { LookupResponse, RiskSettings } from '../../lib/api';
import type { Queryable } from '../db';
import { computeAndStore, settingsKey, type StaleSummary } from './summary-cache';

interface MatchRow {
  match: 'contact' | 'domain';
  key: string;
  contact_id: string | null;
  contact_name: string | null;
  contact_role: string | null;
  account_id: string;
  /** The stored summary's generation (null: no row), and its JSON when current. */
  gen: string | null;
  summary: string | null;
}

/**
 * Matches addresses (already normalised) to contacts, or by domain to accounts, and reads the
 * matched accounts' stored summaries, in one query; summaries that are missing or no longer
 * current are computed (a fixed few more queries) and stored. Free-mail domains never match by
 * domain: unrelated people share them.
 *
 * Answers the response body as JSON text: the stored summaries are JSON already and go into it
 * as they are, unparsed. Results follow the request order, duplicates collapsed.
 */
export async function lookupJson(
  q: Queryable,
  teamId: string,
  emails: readonly string[],
  settings: RiskSettings,
  now: Date,
): Promise<string> {
  const unique = [...new Set(emails)];
  const domains = [...new Set(unique.map(emailDomain).filter((d) => d !== '' && !isFreeMailDomain(d)))];
  const key = settingsKey(settings);
  const { rows } = await q.query<MatchRow>(
    `with m as (
       select 'contact' as match, e.email as key, c.id as contact_id, c.name as contact_name,
              c.role as contact_role, c.account_id
         from contact_emails e join contacts c on c.id = e.contact_id
        where e.team_id = $1 and e.email = any($2::text[])
       union all
       select 'domain', d.domain, null, null, null, d.account_id
         from account_domains d
        where d.team_id = $1 and d.domain = any($3::text[])
     )
     select m.*, s.gen::text as gen,
            case when s.settings_key = $4 and s.computed_at <= $5 and s.valid_until > $5 then s.summary::text end as summary
       from m left join account_summaries s on s.account_id = m.account_id and s.team_id = $1`,
    [teamId, unique, domains, key, now],
    'crm_lookup_match',
  );
  const byEmail = new Map<string, MatchRow>();
  const byDomain = new Map<string, string>();
  const summaries = new Map<string, string>();
  const stale = new Map<string, StaleSummary>();
  for (const r of rows) {
    if (r.match === 'contact') byEmail.set(r.key, r);
    else byDomain.set(r.key, r.account_id);
    if (r.summary !== null) summaries.set(r.account_id, r.summary);
    else stale.set(r.account_id, { id: r.account_id, gen: r.gen });
  }
  for (const [id, json] of await computeAndStore(q, teamId, [...stale.values()], settings, now, key)) summaries.set(id, json);

  const parts: string[] = [];
  for (const email of unique) {
    const contact = byEmail.get(email);
    const contactAccount = contact && summaries.get(contact.account_id);
    if (contact && contactAccount) {
      const person = JSON.stringify({ id: contact.contact_id ?? '', name: contact.contact_name ?? '', role: contact.contact_role });
      parts.push(`{"match":"contact","email":${JSON.stringify(email)},"contact":${person},"account":${contactAccount}}`);
      continue;
    }
    const domain = emailDomain(email);
    const accountId = isFreeMailDomain(domain) ? undefined : byDomain.get(domain);
    const account = accountId === undefined ? undefined : summaries.get(accountId);
    parts.push(account
      ? `{"match":"account-domain","email":${JSON.stringify(email)},"account":${account}}`
      : `{"match":"unknown","email":${JSON.stringify(email)}}`);
  }
  return `{"results":[${parts.join(',')}]}`;
}

/** The same answer as a value (for callers inside the server that want objects, not text). */
export async function lookupEmails(
  q: Queryable,
  teamId: string,
  emails: readonly string[],
  settings: RiskSettings,
  now: Date,
): Promise<LookupResponse['results']> {
  return (JSON.parse(await lookupJson(q, teamId, emails, settings, now)) as LookupResponse).results;
}
