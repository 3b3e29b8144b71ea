import { z } from 'zod';
import { Id, Instant } from './common';
import { Account, Commitment, Contact, Interaction, InteractionKind, Team, User } from './entities';
import { AccountSummary } from './lookup';

export const Health = z.object({ ok: z.literal(true), version: z.string(), database: z.enum(['pglite', 'postgres']) });
export type Health = z.infer<typeof Health>;

export const Me = z.object({ user: User, team: Team });
export type Me = z.infer<typeof Me>;

/** `GET /v1/accounts/{id}`: the account, its people and its summary (risk included). */
export const AccountDetail = z.object({
  account: Account,
  contacts: z.array(Contact),
  summary: AccountSummary,
});
export type AccountDetail = z.infer<typeof AccountDetail>;

export const TIMELINE_PAGE_MAX = 100;
export const TimelineQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(TIMELINE_PAGE_MAX).default(20),
  /** Comma-separated kinds, e.g. `note,call`. */
  kind: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(InteractionKind).optional()),
});
export const TimelinePage = z.object({
  items: z.array(Interaction),
  /** Opaque; pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;

export const CommitmentsQuery = z.object({
  status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'),
});
export const CommitmentList = z.object({ items: z.array(Commitment) });
export type CommitmentList = z.infer<typeof CommitmentList>;

export const ChangeType = z.enum(['account', 'contact', 'interaction', 'commitment']);
export const Change = z.object({
  type: ChangeType,
  id: Id,
  accountId: Id,
  changedAt: Instant,
  /** A tombstone: the record was deleted (it can come back, then as a change without this). */
  deleted: z.literal(true).optional(),
});
export type Change = z.infer<typeof Change>;
export const ChangesQuery = z.object({
  /** The cursor from the previous answer; omitted on the first call. */
  since: z.string().max(200).optional(),
  /**
   * Without `since`: `now` answers no changes and the cursor from which later ones come, for a
   * client that takes everything it holds as stale anyway and need not read the feed's history.
   */
  from: z.literal('now').optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const ChangesPage = z.object({
  changes: z.array(Change),
  /** Pass as `since` next time. */
  cursor: z.string(),
  /** More changes are waiting beyond this page. */
  more: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPage>;

/** Answers of the create endpoints. */
export const InteractionCreated = z.object({ interaction: Interaction, commitments: z.array(Commitment) });
export type InteractionCreated = z.infer<typeof InteractionCreated>;
export const CommitmentResult = z.object({ commitment: Commitment });
export type CommitmentResult = z.infer<typeof CommitmentResult>;
export const ContactCreated = z.object({ contact: Contact, account: Account });
export type ContactCreated = z.infer<typeof ContactCreated>;

