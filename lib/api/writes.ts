import { z } from 'zod';
import { Day, Domain, Email, Id, Instant, Text } from './common';
import { CommitmentStatus, Direction, InteractionKind } from './entities';

/** Header that makes a write safe to retry: same key + same body → same answer, one write. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IdempotencyKey = z.string().min(8).max(200).regex(/^[A-Za-z0-9._:-]+$/);

/** A promise made in a note, created with it in one transaction. */
export const PromiseDraft = z.object({
  text: Text(1000).min(1),
  dueDate: Day.nullable().default(null),
  ownerId: Id.optional(),
});
export type PromiseDraft = z.infer<typeof PromiseDraft>;

export const NewInteraction = z.object({
  /** Optional client-made id, so that later writes can refer to it before it is sent. */
  id: Id.optional(),
  accountId: Id,
  kind: InteractionKind,
  direction: Direction.default('internal'),
  occurredAt: Instant.optional(),
  summary: Text(20_000).min(1),
  contactIds: z.array(Id).max(100).default([]),
  amount: z.number().finite().nullable().default(null),
  threadId: Text(200).nullable().default(null),
  commitments: z.array(PromiseDraft).max(20).default([]),
});
export type NewInteraction = z.input<typeof NewInteraction>;

export const NewCommitment = z.object({
  id: Id.optional(),
  accountId: Id,
  contactId: Id.nullable().default(null),
  /** Defaults to the caller. */
  ownerId: Id.optional(),
  text: Text(1000).min(1),
  dueDate: Day.nullable().default(null),
  sourceInteractionId: Id.nullable().default(null),
});
export type NewCommitment = z.input<typeof NewCommitment>;

export const CommitmentPatch = z
  .object({
    /** The version the client last saw; a stale one answers 409 with the current record. */
    version: z.number().int().positive(),
    status: CommitmentStatus.optional(),
    text: Text(1000).min(1).optional(),
    dueDate: Day.nullable().optional(),
    ownerId: Id.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: 'nothing to change' });
export type CommitmentPatch = z.input<typeof CommitmentPatch>;

export const NewContact = z
  .object({
    id: Id.optional(),
    name: Text(200).min(1),
    emails: z.array(Email).min(1).max(20),
    role: Text(200).nullable().default(null),
    phone: Text(60).nullable().default(null),
    /** An existing account … */
    accountId: Id.optional(),
    /** … or a new one created with the contact. */
    newAccount: z.object({ name: Text(200).min(1), domains: z.array(Domain).max(20).default([]) }).optional(),
  })
  .refine((c) => (c.accountId === undefined) !== (c.newAccount === undefined), {
    message: 'give either accountId or newAccount',
    path: ['accountId'],
  });
export type NewContact = z.input<typeof NewContact>;
