import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Commitment, InteractionCreated, NewInteraction } from '../../lib/api';
import type { Queryable } from '../db';
import { ValidationError } from './errors';
import { recordChanges, type ChangeEntry } from './changes';
import { requireAccount, requireContacts, requireUsers, takenIdError } from './refs';
import type { Caller } from './users';

type Input = z.output<typeof NewInteraction>;

/**
 * Logs an interaction and the promises made in it, in the caller's transaction. Promises get the
 * interaction as their source; when exactly one contact was involved, the promise was made to them.
 */
export async function createInteraction(
  tx: Queryable,
  caller: Caller,
  input: Input,
  now: Date,
): Promise<InteractionCreated> {
  await requireAccount(tx, caller.teamId, input.accountId, 'body.accountId');
  await requireContacts(
    tx, caller.teamId, input.accountId,
    input.contactIds.map((id, i) => ({ id, field: `body.contactIds.${i}` })),
  );
  const ownerRefs = input.commitments.flatMap((d, i) =>
    d.ownerId === undefined ? [] : [{ id: d.ownerId, field: `body.commitments.${i}.ownerId` }],
  );
  await requireUsers(tx, caller.teamId, ownerRefs);

  const id = input.id ?? randomUUID();
  // Millisecond precision, like the column, so the answer matches what is stored.
  const occurredAt = input.occurredAt === undefined ? now : new Date(Date.parse(input.occurredAt));
  // Year 0 passes the ISO format; the two drivers disagree on it (1 BC or an error), so refuse it.
  if (occurredAt.getUTCFullYear() < 1) throw new ValidationError('body.occurredAt', 'body.occurredAt: the year must be 1 or later');
  const contactIds = [...new Set(input.contactIds)];
  const inserted = await tx.query(
    `insert into interactions (id, team_id, account_id, kind, direction, occurred_at, summary, author_id,
                               contact_ids, amount, thread_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[], $10, $11, $12)
     on conflict (id) do nothing returning id`,
    [id, caller.teamId, input.accountId, input.kind, input.direction, occurredAt, input.summary, caller.userId,
      contactIds, input.amount, input.threadId, now],
  );
  if (inserted.rows.length === 0) throw await takenIdError(tx, 'interactions', caller.teamId, id, 'interaction');
  const me = { id: caller.userId, name: caller.userName, email: caller.userEmail };
  const names = await ownerNames(tx, caller.teamId, ownerRefs.map((r) => r.id));
  const commitments: Commitment[] = [];
  for (const draft of input.commitments) {
    const c: Commitment = {
      id: randomUUID(),
      accountId: input.accountId,
      contactId: contactIds.length === 1 ? (contactIds[0] ?? null) : null,
      owner: draft.ownerId === undefined ? me : (names.get(draft.ownerId) ?? me),
      text: draft.text,
      dueDate: draft.dueDate,
      status: 'open',
      createdAt: now.toISOString(),
      completedAt: null,
      sourceInteractionId: id,
      version: 1,
    };
    await tx.query(
      `insert into commitments (id, team_id, account_id, contact_id, owner_id, text, due_date, created_at,
                                updated_at, source_interaction_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)`,
      [c.id, caller.teamId, c.accountId, c.contactId, c.owner?.id ?? null, c.text, c.dueDate, now, id],
    );
    commitments.push(c);
  }
  const changes: ChangeEntry[] = [
    { type: 'interaction', id, accountId: input.accountId },
    ...commitments.map((c) => ({ type: 'commitment' as const, id: c.id, accountId: c.accountId })),
  ];
  await recordChanges(tx, caller.teamId, changes);
  return {
    interaction: {
      id,
      accountId: input.accountId,
      kind: input.kind,
      direction: input.direction,
      occurredAt: occurredAt.toISOString(),
      summary: input.summary,
      author: me,
      contactIds,
      amount: input.amount,
      threadId: input.threadId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      updatedBy: null,
      version: 1,
    },
    commitments,
  };
}

async function ownerNames(tx: Queryable, teamId: string, ids: readonly string[]) {
  const map = new Map<string, { id: string; name: string; email: string }>();
  if (ids.length === 0) return map;
  const { rows } = await tx.query<{ id: string; name: string; email: string }>(
    'select id, name, email from users where team_id = $1 and id = any($2::uuid[])',
    [teamId, [...new Set(ids)]],
  );
  for (const r of rows) map.set(r.id, r);
  return map;
}
