import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Commitment, CommitmentPatch, NewCommitment } from '../../lib/api';
import type { Queryable } from '../db';
import { ConflictError, NotFoundError } from './errors';
import { recordChanges } from './changes';
import { requireAccount, requireContacts, requireInteraction, requireUsers, takenIdError } from './refs';
import { COMMITMENT_SELECT, toCommitment, type CommitmentRow } from './rows';
import type { Caller } from './users';

export async function loadCommitment(q: Queryable, teamId: string, id: string): Promise<Commitment | null> {
  const { rows } = await q.query<CommitmentRow>(`${COMMITMENT_SELECT} where c.id = $1 and c.team_id = $2`, [id, teamId]);
  return rows[0] ? toCommitment(rows[0]) : null;
}

/** Records a promise; the owner defaults to the caller. */
export async function createCommitment(
  tx: Queryable,
  caller: Caller,
  input: z.output<typeof NewCommitment>,
  now: Date,
): Promise<Commitment> {
  await requireAccount(tx, caller.teamId, input.accountId, 'body.accountId');
  if (input.contactId !== null) {
    await requireContacts(tx, caller.teamId, input.accountId, [{ id: input.contactId, field: 'body.contactId' }]);
  }
  const ownerId = input.ownerId ?? caller.userId;
  await requireUsers(tx, caller.teamId, [{ id: ownerId, field: 'body.ownerId' }]);
  if (input.sourceInteractionId !== null) {
    await requireInteraction(tx, caller.teamId, input.accountId, input.sourceInteractionId, 'body.sourceInteractionId');
  }
  const id = input.id ?? randomUUID();
  const inserted = await tx.query(
    `insert into commitments (id, team_id, account_id, contact_id, owner_id, text, due_date, created_at,
                              updated_at, source_interaction_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)
     on conflict (id) do nothing returning id`,
    [id, caller.teamId, input.accountId, input.contactId, ownerId, input.text, input.dueDate, now,
      input.sourceInteractionId],
  );
  if (inserted.rows.length === 0) throw await takenIdError(tx, 'commitments', caller.teamId, id, 'commitment');
  await recordChanges(tx, caller.teamId, [{ type: 'commitment', id, accountId: input.accountId }]);
  const created = await loadCommitment(tx, caller.teamId, id);
  if (!created) throw new Error('commitment vanished inside its own transaction');
  return created;
}

/**
 * Completes, cancels, reopens or edits a commitment if the caller saw its latest version.
 * `completedAt` is set when it becomes done and cleared when it leaves that state.
 */
export async function patchCommitment(
  tx: Queryable,
  caller: Caller,
  id: string,
  patch: z.output<typeof CommitmentPatch>,
  now: Date,
): Promise<Commitment> {
  if (patch.ownerId) await requireUsers(tx, caller.teamId, [{ id: patch.ownerId, field: 'body.ownerId' }]);
  const updated = await tx.query<{ account_id: string }>(
    `update commitments set
        status = coalesce($4, status),
        text = coalesce($5, text),
        due_date = case when $6 then $7::date else due_date end,
        owner_id = case when $8 then $9::uuid else owner_id end,
        completed_at = case
          when coalesce($4, status) <> 'done' then null
          when status = 'done' then completed_at
          else $10 end,
        updated_at = $10,
        version = version + 1
      where id = $1 and team_id = $2 and version = $3
      returning account_id`,
    [id, caller.teamId, patch.version, patch.status ?? null, patch.text ?? null,
      patch.dueDate !== undefined, patch.dueDate ?? null, patch.ownerId !== undefined, patch.ownerId ?? null, now],
  );
  const row = updated.rows[0];
  if (!row) {
    const current = await loadCommitment(tx, caller.teamId, id);
    if (!current) throw new NotFoundError('commitment', 'path.id');
    throw new ConflictError(
      `this commitment changed since version ${patch.version}; it is now at version ${current.version}`,
      'body.version',
      { commitment: current },
    );
  }
  await recordChanges(tx, caller.teamId, [{ type: 'commitment', id, accountId: row.account_id }]);
  const result = await loadCommitment(tx, caller.teamId, id);
  if (!result) throw new Error('commitment vanished inside its own transaction');
  return result;
}
