import type { z } from 'zod';
import { isFreeMailDomain } from '../../lib/api';
import type { AccountPatch, AccountResult, AccountSummary } from '../../lib/api';
import type { Queryable } from '../db';
import { loadAccount } from './accounts';
import { recordChanges } from './changes';
import { ConflictError, NotFoundError, ValidationError } from './errors';
import { requireUsers } from './refs';
import { summariesJson } from './summary-cache';
import type { Caller } from './users';

type Patch = z.output<typeof AccountPatch>;

/**
 * Changes an account if the caller saw its latest version, in the caller's transaction: its own
 * columns, then the sets it replaces (team members, domains). The answer carries the summary
 * computed after the write (the triggers of migration 003 made the stored one stale when the
 * name, stage, owner or cadence changed), so risk reflects the change at once.
 */
export async function patchAccount(tx: Queryable, caller: Caller, id: string, patch: Patch, now: Date): Promise<AccountResult> {
  const users = [
    ...(patch.ownerId ? [{ id: patch.ownerId, field: 'body.ownerId' }] : []),
    ...(patch.teamMemberIds ?? []).map((userId, i) => ({ id: userId, field: `body.teamMemberIds.${i}` })),
  ];
  await requireUsers(tx, caller.teamId, users);
  const domains = patch.domains === undefined ? undefined : [...new Set(patch.domains)];
  const free = (domains ?? []).findIndex(isFreeMailDomain);
  if (free >= 0) {
    const field = `body.domains.${patch.domains?.indexOf(domains?.[free] ?? '')}`;
    throw new ValidationError(field, `${field}: a free-mail domain cannot identify an account`);
  }

  const updated = await tx.query(
    `update accounts set
        name = coalesce($4, name),
        stage = coalesce($5, stage),
        owner_id = case when $6 then $7::uuid else owner_id end,
        cadence_days = case when $8 then $9::integer else cadence_days end,
        preferences = coalesce($10::jsonb, preferences),
        special_terms = case when $11 then $12::text else special_terms end,
        updated_at = $13, updated_by = $14, version = version + 1
      where id = $1 and team_id = $2 and version = $3
      returning id`,
    [id, caller.teamId, patch.version, patch.name ?? null, patch.stage ?? null,
      patch.ownerId !== undefined, patch.ownerId ?? null, patch.cadenceDays !== undefined, patch.cadenceDays ?? null,
      patch.preferences === undefined ? null : JSON.stringify(patch.preferences),
      patch.specialTerms !== undefined, patch.specialTerms ?? null, now, caller.userId],
  );
  if (updated.rows.length === 0) {
    const current = await loadAccount(tx, caller.teamId, id);
    if (!current) throw new NotFoundError('account', 'path.id');
    throw new ConflictError(
      `this account changed since version ${patch.version}; it is now at version ${current.version}`,
      'body.version',
      { account: current },
    );
  }
  if (patch.teamMemberIds !== undefined) await replaceMembers(tx, id, [...new Set(patch.teamMemberIds)]);
  if (domains !== undefined) await replaceDomains(tx, caller.teamId, id, domains, patch.domains ?? []);
  await recordChanges(tx, caller.teamId, [{ type: 'account', id, accountId: id }]);

  const account = await loadAccount(tx, caller.teamId, id);
  const summary = (await summariesJson(tx, caller.teamId, [id], { settings: caller.settings, key: caller.settingsKey }, now)).get(id);
  if (!account || summary === undefined) throw new Error('account vanished inside its own transaction');
  return { account, summary: JSON.parse(summary) as AccountSummary };
}

async function replaceMembers(tx: Queryable, accountId: string, userIds: string[]): Promise<void> {
  await tx.query('delete from account_members where account_id = $1 and not (user_id = any($2::uuid[]))', [accountId, userIds]);
  await tx.query(
    'insert into account_members (account_id, user_id) select $1, u from unnest($2::uuid[]) as u on conflict do nothing',
    [accountId, userIds],
  );
}

/**
 * The account's domains become exactly `domains`. One that another account of the team holds is
 * a 409 naming it; the insert waits for a concurrent writer of the same domain, so a race ends
 * the same way instead of as a failed statement.
 */
async function replaceDomains(tx: Queryable, teamId: string, accountId: string, domains: string[], sent: string[]): Promise<void> {
  await tx.query('delete from account_domains where account_id = $1 and not (domain = any($2::text[]))', [accountId, domains]);
  await tx.query(
    `insert into account_domains (team_id, domain, account_id) select $1, d, $2 from unnest($3::text[]) as d
     on conflict (team_id, domain) do nothing`,
    [teamId, accountId, domains],
  );
  const { rows } = await tx.query<{ domain: string }>(
    'select domain from account_domains where team_id = $1 and domain = any($2::text[]) and account_id <> $3',
    [teamId, domains, accountId],
  );
  const taken = rows[0]?.domain;
  if (taken !== undefined) {
    throw new ConflictError(`${taken} already belongs to another account`, `body.domains.${sent.indexOf(taken)}`);
  }
}
