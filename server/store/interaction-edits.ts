import type { z } from 'zod';
import type { Interaction, InteractionDeleted, InteractionPatch } from '../../lib/api';
import type { Queryable } from '../db';
import { recordChanges } from './changes';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import { requireContacts } from './refs';
import { INTERACTION_COLUMNS, toInteraction, type InteractionRow } from './rows';
import type { Caller } from './users';

/**
 * Editing, deleting and restoring logged interactions. The author may change their own; anyone
 * of the team may when the team says so (`teams.team_may_edit_notes`); others get a 403. A delete
 * is soft: the row keeps `deleted_at`/`deleted_by`, every read of live data leaves it out (the
 * timeline, risk facts and so summaries and lookups, exports), the changes feed carries a
 * tombstone, and a restore brings it back at any time (nothing purges deleted rows). Each change
 * records who made it and when (`updated_by`, `updated_at`; for deletes `deleted_by`, `deleted_at`).
 */

interface State {
  interaction: Interaction;
  authorId: string | null;
  deletedAt: Date | null;
  deletedBy: { id: string; name: string; email: string } | null;
}

type StateRow = InteractionRow & { deleted_at: Date | null; deleted_by: State['deletedBy'] };

async function loadState(q: Queryable, teamId: string, id: string): Promise<State | null> {
  const { rows } = await q.query<StateRow>(
    `select ${INTERACTION_COLUMNS}, i.deleted_at,
            (select json_build_object('id', d.id, 'name', d.name, 'email', d.email) from users d where d.id = i.deleted_by) as deleted_by
       from interactions i left join users u on u.id = i.author_id
      where i.id = $1 and i.team_id = $2`,
    [id, teamId],
  );
  const row = rows[0];
  return row ? { interaction: toInteraction(row), authorId: row.author_id, deletedAt: row.deleted_at, deletedBy: row.deleted_by } : null;
}

/** The interaction (deleted ones too), once the caller is known to be allowed to change it. */
async function editable(q: Queryable, caller: Caller, id: string): Promise<State> {
  const state = await loadState(q, caller.teamId, id);
  if (!state) throw new NotFoundError('interaction', 'path.id');
  if (state.authorId !== caller.userId && !caller.teamMayEditNotes) {
    throw new ForbiddenError("only its author can change this note: your team does not let everyone edit each other's notes");
  }
  return state;
}

async function reload(q: Queryable, caller: Caller, id: string): Promise<Interaction> {
  const state = await loadState(q, caller.teamId, id);
  if (!state) throw new Error('interaction vanished inside its own transaction');
  return state.interaction;
}

export async function patchInteraction(
  tx: Queryable,
  caller: Caller,
  id: string,
  patch: z.output<typeof InteractionPatch>,
  now: Date,
): Promise<Interaction> {
  const state = await editable(tx, caller, id);
  if (state.deletedAt !== null) throw new NotFoundError('interaction', 'path.id');
  const { accountId } = state.interaction;
  if (patch.contactIds) {
    await requireContacts(tx, caller.teamId, accountId, patch.contactIds.map((c, i) => ({ id: c, field: `body.contactIds.${i}` })));
  }
  const occurredAt = patch.occurredAt === undefined ? null : new Date(Date.parse(patch.occurredAt));
  // As when logging one: year 0 passes the ISO format, and the two drivers disagree on it.
  if (occurredAt && occurredAt.getUTCFullYear() < 1) throw new ValidationError('body.occurredAt', 'body.occurredAt: the year must be 1 or later');
  const updated = await tx.query(
    `update interactions set
        summary = coalesce($4, summary),
        kind = coalesce($5, kind),
        direction = coalesce($6, direction),
        occurred_at = coalesce($7, occurred_at),
        amount = case when $8 then $9::numeric else amount end,
        contact_ids = coalesce($10::uuid[], contact_ids),
        updated_at = $11, updated_by = $12, version = version + 1
      where id = $1 and team_id = $2 and version = $3 and deleted_at is null
      returning id`,
    [id, caller.teamId, patch.version, patch.summary ?? null, patch.kind ?? null, patch.direction ?? null, occurredAt,
      patch.amount !== undefined, patch.amount ?? null, patch.contactIds ? [...new Set(patch.contactIds)] : null,
      now, caller.userId],
  );
  if (updated.rows.length === 0) {
    // Read again: another writer may have changed (or deleted) it since it was read above.
    const current = await loadState(tx, caller.teamId, id);
    if (!current || current.deletedAt !== null) throw new NotFoundError('interaction', 'path.id');
    throw new ConflictError(
      `this interaction changed since version ${patch.version}; it is now at version ${current.interaction.version}`,
      'body.version',
      { interaction: current.interaction },
    );
  }
  await recordChanges(tx, caller.teamId, [{ type: 'interaction', id, accountId }]);
  return reload(tx, caller, id);
}

const deletion = (s: State): InteractionDeleted => ({
  id: s.interaction.id, accountId: s.interaction.accountId, deletedAt: s.deletedAt?.toISOString() ?? '', deletedBy: s.deletedBy,
});

/** Deletes softly; deleting a deleted interaction answers the deletion that happened. */
export async function deleteInteraction(tx: Queryable, caller: Caller, id: string, now: Date): Promise<InteractionDeleted> {
  const state = await editable(tx, caller, id);
  const { accountId } = state.interaction;
  if (state.deletedAt !== null) return deletion(state);
  const deleted = await tx.query(
    `update interactions set deleted_at = $3, deleted_by = $4, version = version + 1
      where id = $1 and team_id = $2 and deleted_at is null returning id`,
    [id, caller.teamId, now, caller.userId],
  );
  // Someone deleted it between the read above and this update: theirs is the deletion.
  if (deleted.rows.length === 0) {
    const current = await loadState(tx, caller.teamId, id);
    if (current?.deletedAt) return deletion(current);
  }
  await recordChanges(tx, caller.teamId, [{ type: 'interaction', id, accountId, deleted: true }]);
  return {
    id: state.interaction.id, accountId, deletedAt: now.toISOString(),
    deletedBy: { id: caller.userId, name: caller.userName, email: caller.userEmail },
  };
}

/** Brings a deleted interaction back as it was; restoring a live one changes nothing. */
export async function restoreInteraction(tx: Queryable, caller: Caller, id: string, now: Date): Promise<Interaction> {
  const state = await editable(tx, caller, id);
  if (state.deletedAt === null) return state.interaction;
  const restored = await tx.query(
    `update interactions set deleted_at = null, deleted_by = null, updated_at = $3, updated_by = $4, version = version + 1
      where id = $1 and team_id = $2 and deleted_at is not null returning id`,
    [id, caller.teamId, now, caller.userId],
  );
  // Someone restored it between the read above and this update: nothing left to do.
  if (restored.rows.length === 0) return reload(tx, caller, id);
  await recordChanges(tx, caller.teamId, [{ type: 'interaction', id, accountId: state.interaction.accountId }]);
  return reload(tx, caller, id);
}
