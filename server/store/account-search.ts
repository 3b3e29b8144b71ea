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
 * Each kind of match is a range scan of a btree in `text_pattern_ops` (migrations 005 and 007):
 * `p` and `p || U+10FFFF` bound the keys that start with `p` (those indexes compare bytes, and
 * UTF-8 bytes sort as code points), and `starts_with` keeps exactly those. The pattern is a value,
 * never a LIKE pattern, so `%`, `_` and `\` in `q` are plain characters.
 *
 * Every order here is that byte order (`using ~<~`), whatever the database's collation, so each
 * branch can read its index in the order of the answer and stop after `limit` accounts instead of
 * gathering every key a short prefix matches. An account's key in a branch is its smallest
 * matching key there: the `not exists` skips a key when a smaller one of the same account also
 * matches, so each account comes once, at its first place. Name words are ordered by the word,
 * then the account's name (`account_words.name_key`), then id; domains and addresses are unique in
 * a team, so their order is the key alone. An account's best rank wins, ties go by that key, then
 * by name, then by id. An account within the first `limit` overall is within the first `limit` of
 * the branch of its best rank (everything before it there is before it overall), so nothing that
 * belongs is cut off. `lower($2)` is written out in each branch rather than computed once, so that
 * the planner sees the prefix itself and estimates each range from its statistics.
 * Risk levels come from the accounts' summaries (stored ones where current, see summary-cache).
 */
export async function searchAccounts(q: Queryable, caller: Caller, text: string, limit: number, now: Date): Promise<AccountSearchPage> {
  const { rows } = await q.query<HitRow>(
    `with hits as (
       (select a.id, 0 as rank, lower(a.name) as key
          from accounts a
         where a.team_id = $1 and lower(a.name) = lower($2::text)
         order by a.id limit $3)
       union all
       (select a.id, 1, lower(a.name)
          from accounts a
         where a.team_id = $1 and lower(a.name) ~>=~ lower($2::text) and lower(a.name) ~<~ (lower($2::text) || chr(1114111))
           and starts_with(lower(a.name), lower($2::text))
         order by lower(a.name) using ~<~, a.id limit $3)
       union all
       (select w.account_id, 2, w.word
          from account_words w
         where w.team_id = $1 and w.word ~>=~ lower($2::text) and w.word ~<~ (lower($2::text) || chr(1114111))
           and starts_with(w.word, lower($2::text))
           and not exists (select from account_words s
                            where s.account_id = w.account_id and s.word ~>=~ lower($2::text) and s.word ~<~ w.word)
         order by w.word using ~<~, w.name_key using ~<~, w.account_id limit $3)
       union all
       (select d.account_id, 3, d.domain
          from account_domains d
         where d.team_id = $1 and d.domain ~>=~ lower($2::text) and d.domain ~<~ (lower($2::text) || chr(1114111))
           and starts_with(d.domain, lower($2::text))
           and not exists (select from account_domains s
                            where s.account_id = d.account_id and s.domain ~>=~ lower($2::text) and s.domain ~<~ d.domain)
         order by d.domain using ~<~ limit $3)
       union all
       (select c.account_id, 4, e.email
          from contact_emails e join contacts c on c.id = e.contact_id
         where e.team_id = $1 and e.email ~>=~ lower($2::text) and e.email ~<~ (lower($2::text) || chr(1114111))
           and starts_with(e.email, lower($2::text))
           and not exists (select from contacts sc join contact_emails s on s.contact_id = sc.id
                            where sc.account_id = c.account_id and s.email ~>=~ lower($2::text) and s.email ~<~ e.email)
         order by e.email using ~<~ limit $3)
     ),
     best as (
       select distinct on (id) id, rank, key from hits order by id, rank, key using ~<~
     )
     select a.id, a.name, a.stage, b.rank,
            coalesce((select array_agg(d.domain order by d.domain) from account_domains d where d.account_id = a.id), '{}') as domains,
            (select json_build_object('id', o.id, 'name', o.name, 'email', o.email) from users o where o.id = a.owner_id) as owner
       from best b join accounts a on a.id = b.id and a.team_id = $1
      order by b.rank, b.key using ~<~, lower(a.name) using ~<~, a.id
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
