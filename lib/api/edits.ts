import { z } from 'zod';
import { Domain, Email, Id, Instant, Text } from './common';
import { Account, Contact, Direction, Interaction, InteractionKind, Preferences, Stage, UserRef } from './entities';
import { AccountSummary } from './lookup';

/**
 * Changes to records that exist: an account, a logged interaction, a contact's addresses.
 * Each PATCH carries the `version` the client last saw; a stale one answers 409 with the current
 * record in `error.details` (`account` or `interaction`), as `PATCH /v1/commitments/{id}` does.
 * A field left out is left as it is; `null` clears the fields that may be empty.
 */

const hasChange = (p: object) => Object.keys(p).length > 1;
const NOTHING = { message: 'nothing to change' };

export const AccountPatch = z
  .object({
    version: z.number().int().positive(),
    name: Text(200).min(1).optional(),
    stage: Stage.optional(),
    /** A user of the team, or null for no owner. */
    ownerId: Id.nullable().optional(),
    /** The whole set of people of the team who work with this client (replaces the set). */
    teamMemberIds: z.array(Id).max(100).optional(),
    /** The agreed rhythm of contact in days; null clears it. */
    cadenceDays: z.number().int().min(1).max(3650).nullable().optional(),
    /** Replaces the whole preferences object (send every field you want kept; `{}` clears them). */
    preferences: Preferences.optional(),
    specialTerms: Text(5000).nullable().optional(),
    /** The whole set of the account's domains (replaces the set); each names one account per team. */
    domains: z.array(Domain).max(20).optional(),
  })
  .refine(hasChange, NOTHING);
export type AccountPatch = z.input<typeof AccountPatch>;

/** `PATCH /v1/accounts/{id}`: the account as it is now, and its summary recomputed after the write. */
export const AccountResult = z.object({ account: Account, summary: AccountSummary });
export type AccountResult = z.infer<typeof AccountResult>;

export const InteractionPatch = z
  .object({
    version: z.number().int().positive(),
    summary: Text(20_000).min(1).optional(),
    kind: InteractionKind.optional(),
    direction: Direction.optional(),
    occurredAt: Instant.optional(),
    amount: z.number().finite().nullable().optional(),
    /** The whole set of people at the client it involved (replaces the set). */
    contactIds: z.array(Id).max(100).optional(),
  })
  .refine(hasChange, NOTHING);
export type InteractionPatch = z.input<typeof InteractionPatch>;

/** `PATCH /v1/interactions/{id}` and `POST /v1/interactions/{id}/restore`. */
export const InteractionResult = z.object({ interaction: Interaction });
export type InteractionResult = z.infer<typeof InteractionResult>;

/**
 * `DELETE /v1/interactions/{id}`: what was deleted, by whom and when. The row is kept (a soft
 * delete) and `POST /v1/interactions/{id}/restore` brings it back; deleting it again answers the
 * same deletion.
 */
export const InteractionDeleted = z.object({
  id: Id,
  accountId: Id,
  deletedAt: Instant,
  deletedBy: UserRef.nullable(),
});
export type InteractionDeleted = z.infer<typeof InteractionDeleted>;

/**
 * `POST /v1/contacts/{id}/emails`: addresses added to an existing contact, after the ones it has.
 * An address the contact already has is left as it is; one another contact of the team has is a
 * 409 naming it.
 */
export const ContactEmailsAdd = z.object({ emails: z.array(Email).min(1).max(20) });
export type ContactEmailsAdd = z.input<typeof ContactEmailsAdd>;
export const ContactResult = z.object({ contact: Contact });
export type ContactResult = z.infer<typeof ContactResult>;
