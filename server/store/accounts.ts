import type { AccountDetail, AccountSummary, CommitmentList } from '../../lib/api';
import type { Queryable } from '../db';
import {
  ACCOUNT_SELECT, COMMITMENT_SELECT, CONTACT_SELECT, toAccount, toCommitment, toContact,
  type AccountRow, type CommitmentRow, type ContactRow,
} from './rows';
import { summariesJson, type TeamSettings } from './summary-cache';

/** Whether the account exists in this team; other teams' accounts are simply "not there". */
export async function accountInTeam(q: Queryable, teamId: string, accountId: string): Promise<boolean> {
  const { rows } = await q.query('select 1 from accounts where id = $1 and team_id = $2', [accountId, teamId]);
  return rows.length > 0;
}

export async function loadAccount(q: Queryable, teamId: string, accountId: string) {
  const { rows } = await q.query<AccountRow>(`${ACCOUNT_SELECT} where a.id = $1 and a.team_id = $2`, [
    accountId, teamId,
  ]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function loadAccountDetail(
  q: Queryable,
  teamId: string,
  accountId: string,
  team: TeamSettings,
  now: Date,
): Promise<AccountDetail | null> {
  const [account, contacts, summaries] = await Promise.all([
    loadAccount(q, teamId, accountId),
    q.query<ContactRow>(`${CONTACT_SELECT} where c.account_id = $1 and c.team_id = $2 order by c.name, c.id`, [
      accountId, teamId,
    ]),
    summariesJson(q, teamId, [accountId], team, now),
  ]);
  // Keyed by the id as the database spells it (lower case), which a path may not.
  const summary = account ? summaries.get(account.id) : undefined;
  if (!account || summary === undefined) return null;
  return { account, contacts: contacts.rows.map(toContact), summary: JSON.parse(summary) as AccountSummary };
}

export type CommitmentFilter = 'open' | 'done' | 'cancelled' | 'all';

/** Open ones by due date (undated last), others newest first. */
export async function listCommitments(
  q: Queryable,
  teamId: string,
  accountId: string,
  status: CommitmentFilter,
): Promise<CommitmentList> {
  const { rows } = await q.query<CommitmentRow>(
    `${COMMITMENT_SELECT}
      where c.account_id = $1 and c.team_id = $2 and ($3 = 'all' or c.status = $3)
      order by (c.status = 'open') desc, c.due_date asc nulls last, c.created_at desc, c.id`,
    [accountId, teamId, status],
  );
  return { items: rows.map(toCommitment) };
}
