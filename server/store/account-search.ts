import type { AccountHit, AccountSearchPage, AccountSummary, SearchMatch, UserRef } from '../../lib/api';
import type { Queryable } from '../db';
import { summariesJson } from './summary-cache';
import type { Caller } from './users';

/** Best first: the order of `SearchMatch` in lib/api. */
const MATCHES: readonly SearchMatch[] = ['exact', 'name', 'word', 'domain', 'email'];

interface HitRow {
  id: string;
  name: string;
  stage: AccountHit['stage'];
  rank: number;
  domains: string[];
  owner: UserRef | null;
}

/**
 * Accounts of the caller's team by the start of their name, of a word of it, of a domain or of a
 * contact's address, ignoring case, best match first, at most `limit`.
 *
 * Each kind of match is a range scan of a btree in `text_pattern_ops` (migration 005): `p` and
 * `p || U+10FFFF` bound the keys that start with `p` (those indexes compare bytes, and UTF-8 bytes
 * sort as code points), and `starts_with` keeps exactly those. The pattern is a value, never a
 * LIKE pattern, so `%`, `_` and `\` in `q` are plain characters. Each branch keeps its `limit`
 * best accounts by its own key; an account's best rank wins, ties go by that key, then by name. An
 * account within the first `limit` overall is within the first `limit` of the branch of its best
 * rank (everything before it there is before it overall), so nothing that belongs is cut off.
 * Risk levels come from the accounts' summaries (stored ones where current, see summary-cache).
 */
export async function searchAccounts(q: Queryable, caller: Caller, text: string, limit: number, now: Date): Promise<AccountSearchPage> {
  const { rows } = await q.query<HitRow>(
    `with p as (select lower($2::text) as lo, lower($2::text) || chr(1114111) as hi),
     hits as (
       (select a.id, case when lower(a.name) = p.lo then 0 else 1 end as rank, lower(a.name) as key, lower(a.name) as sort_name
          from accounts a, p
         where a.team_id = $1 and lower(a.name) ~>=~ p.lo and lower(a.name) ~<~ p.hi and starts_with(lower(a.name), p.lo)
         order by rank, key, a.id limit $3)
       union all
       (select m.id, 2, m.key, lower(a.name) from accounts a join (
           select w.account_id as id, min(w.word) as key from account_words w, p
            where w.team_id = $1 and w.word ~>=~ p.lo and w.word ~<~ p.hi and starts_with(w.word, p.lo)
            group by w.account_id) m on m.id = a.id
         order by 3, 4, 1 limit $3)
       union all
       (select m.id, 3, m.key, lower(a.name) from accounts a join (
           select d.account_id as id, min(d.domain) as key from account_domains d, p
            where d.team_id = $1 and d.domain ~>=~ p.lo and d.domain ~<~ p.hi and starts_with(d.domain, p.lo)
            group by d.account_id) m on m.id = a.id
         order by 3, 4, 1 limit $3)
       union all
       (select m.id, 4, m.key, lower(a.name) from accounts a join (
           select c.account_id as id, min(e.email) as key from contact_emails e join contacts c on c.id = e.contact_id, p
            where e.team_id = $1 and e.email ~>=~ p.lo and e.email ~<~ p.hi and starts_with(e.email, p.lo)
            group by c.account_id) m on m.id = a.id
         order by 3, 4, 1 limit $3)
     ),
     best as (
       select distinct on (id) id, rank, key, sort_name from hits order by id, rank, key
     )
     select a.id, a.name, a.stage, b.rank,
            coalesce((select array_agg(d.domain order by d.domain) from account_domains d where d.account_id = a.id), '{}') as domains,
            (select json_build_object('id', o.id, 'name', o.name, 'email', o.email) from users o where o.id = a.owner_id) as owner
       from best b join accounts a on a.id = b.id and a.team_id = $1
      order by b.rank, b.key, b.sort_name, a.id
      limit $3`,
    [caller.teamId, text, limit],
    'crm_account_search',
  );
  const summaries = await summariesJson(q, caller.teamId, rows.map((r) => r.id), { settings: caller.settings, key: caller.settingsKey }, now);
  const items = rows.map((r): AccountHit => {
    const summary = summaries.get(r.id);
    if (summary === undefined) throw new Error(`no summary for account ${r.id}`);
    return {
      id: r.id, name: r.name, domains: r.domains, stage: r.stage, owner: r.owner,
      riskLevel: (JSON.parse(summary) as AccountSummary).risk.level,
      match: MATCHES[r.rank] ?? 'email',
    };
  });
  return { items };
}
