import { z } from 'zod';
import { CommitmentPatch, Id, NewCommitment, NewContact, NewInteraction } from '../api';

/**
 * A write a page asks the background to deliver. Bodies are the lib/api request schemas, so a
 * bad note is refused when it is queued, while the user still has it in front of them.
 */
export const Write = z.discriminatedUnion('type', [
  z.object({ type: z.literal('interaction'), body: NewInteraction }),
  z.object({ type: z.literal('commitment'), body: NewCommitment }),
  z.object({
    type: z.literal('commitment-patch'),
    commitmentId: Id,
    /** The commitment's account, so this write keeps its place among the account's writes. */
    accountId: Id,
    body: CommitmentPatch,
  }),
  z.object({ type: z.literal('contact'), body: NewContact }),
]);
/** What a page sends (defaults not yet applied). */
export type WriteInput = z.input<typeof Write>;
/** What the outbox stores (checked, defaults applied). */
export type Write = z.output<typeof Write>;
export type WriteType = Write['type'];
