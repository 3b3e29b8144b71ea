import type { Queryable } from '../db';
import type { TeamState } from './check-references';
import { BundleError } from './errors';
import type { Bundle } from './format';

/**
 * What the team already holds that the bundle could collide with or refer to. Only the
 * addresses and domains the bundle mentions are read, so a large team costs little.
 */
export async function loadTeamState(
  q: Queryable,
  teamId: string,
  bundle: Bundle,
  options: { accountsByName: boolean },
): Promise<TeamState> {
  const team = await q.query('select 1 from teams where id = $1', [teamId]);
  if (team.rows.length === 0) throw new BundleError([{ path: '', message: `there is no team with id ${teamId}` }]);

  const emails = bundle.contacts.flatMap((c) => c.emails);
  const domains = bundle.accounts.flatMap((a) => a.domains);
  // One after another: a transaction is one connection, which runs one statement at a time anyway.
  const users = await q.query<{ id: string; email: string }>('select id, email from users where team_id = $1', [teamId]);
  const contactEmails = await q.query<{ email: string }>(
    'select email from contact_emails where team_id = $1 and email = any($2::text[])', [teamId, emails],
  );
  const accountDomains = await q.query<{ domain: string }>(
    'select domain from account_domains where team_id = $1 and domain = any($2::text[])', [teamId, domains],
  );
  const accounts = options.accountsByName
    ? await q.query<{ id: string; name: string }>('select id, name from accounts where team_id = $1 order by created_at, id', [teamId])
    : { rows: [] };

  const byName = new Map<string, string>();
  // The oldest account wins when two share a name, so repeated imports land in the same place.
  for (const a of accounts.rows) if (!byName.has(a.name.toLowerCase())) byName.set(a.name.toLowerCase(), a.id);
  return {
    users: new Map(users.rows.map((u) => [u.email, { id: u.id }])),
    contactEmails: new Set(contactEmails.rows.map((r) => r.email)),
    domains: new Set(accountDomains.rows.map((r) => r.domain)),
    ...(options.accountsByName ? { accountsByName: byName } : {}),
  };
}
