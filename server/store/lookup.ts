import { emailDomain, isFreeMailDomain } from '../../lib/api';
import type { LookupMatch, RiskSettings } from '../../lib/api';
import type { Queryable } from '../db';
import { loadSummaries } from './summaries';

interface MatchRow {
  match: 'contact' | 'domain';
  key: string;
  contact_id: string | null;
  contact_name: string | null;
  contact_role: string | null;
  account_id: string;
}

/**
 * Matches addresses (already normalised) to contacts, or by domain to accounts, in one query for
 * the matches plus the summaries' fixed few. Results follow the request order, duplicates
 * collapsed. Free-mail domains never match by domain: unrelated people share them.
 */
export async function lookupEmails(
  q: Queryable,
  teamId: string,
  emails: readonly string[],
  settings: RiskSettings,
  now: Date,
): Promise<LookupMatch[]> {
  const unique = [...new Set(emails)];
  const domains = [...new Set(unique.map(emailDomain).filter((d) => d !== '' && !isFreeMailDomain(d)))];
  const { rows } = await q.query<MatchRow>(
    `select 'contact' as match, e.email as key, c.id as contact_id, c.name as contact_name,
            c.role as contact_role, c.account_id
       from contact_emails e join contacts c on c.id = e.contact_id
      where e.team_id = $1 and e.email = any($2::text[])
     union all
     select 'domain', d.domain, null, null, null, d.account_id
       from account_domains d
      where d.team_id = $1 and d.domain = any($3::text[])`,
    [teamId, unique, domains],
    'crm_lookup_match',
  );
  const byEmail = new Map<string, MatchRow>();
  const byDomain = new Map<string, string>();
  for (const r of rows) {
    if (r.match === 'contact') byEmail.set(r.key, r);
    else byDomain.set(r.key, r.account_id);
  }
  const summaries = await loadSummaries(q, teamId, rows.map((r) => r.account_id), settings, now);

  return unique.map((email): LookupMatch => {
    const contact = byEmail.get(email);
    const contactAccount = contact && summaries.get(contact.account_id);
    if (contact && contactAccount) {
      return {
        match: 'contact',
        email,
        contact: { id: contact.contact_id ?? '', name: contact.contact_name ?? '', role: contact.contact_role },
        account: contactAccount,
      };
    }
    const domain = emailDomain(email);
    const accountId = isFreeMailDomain(domain) ? undefined : byDomain.get(domain);
    const account = accountId === undefined ? undefined : summaries.get(accountId);
    return account ? { match: 'account-domain', email, account } : { match: 'unknown', email };
  });
}
