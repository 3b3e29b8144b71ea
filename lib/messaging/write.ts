import { z } from 'zod';
import {
  AccountPatch, CommitmentPatch, ContactEmailsAdd, Id, InteractionPatch, NewCommitment, NewContact, NewInteraction,
} from '../api';

/** A change to an interaction that exists: the record, and its account so the write keeps its place among the account's. */
const interactionRef = { interactionId: Id, accountId: Id };

/**
 * A write a page asks the background to deliver. Bodies are the lib/api request schemas, so a
 * bad note is refused when it is queued, while the user still has it in front of them. Changes
 * to records that exist (`*-patch`) carry the version the page saw; the CRM answers 409 with its
 * own when someone changed the record first, and the outbox keeps both for the user to choose.
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
  /** The account's facts: stage, owner, team, rhythm, preferences, special terms. */
  z.object({ type: z.literal('account-patch'), accountId: Id, body: AccountPatch }),
  z.object({ type: z.literal('interaction-patch'), ...interactionRef, body: InteractionPatch }),
  /** Deleted on the CRM, kept there restorable: `interaction-restore` brings it back. */
  z.object({ type: z.literal('interaction-delete'), ...interactionRef }),
  z.object({ type: z.literal('interaction-restore'), ...interactionRef }),
  /** Addresses added to a contact that exists (an unknown sender who is a known person). */
  z.object({ type: z.literal('contact-emails'), contactId: Id, accountId: Id, body: ContactEmailsAdd }),
]);
/** What a page sends (defaults not yet applied). */
export type WriteInput = z.input<typeof Write>;
/** What the outbox stores (checked, defaults applied). */
export type Write = z.output<typeof Write>;
export type WriteType = Write['type'];
