import { z } from 'zod';
import { Email, Id, Instant } from './common';
import { Commitment, Stage, UserRef } from './entities';
import { Risk } from './risk';

export const LOOKUP_MAX = 100;

/** What a lookup can send along with its results when asked (`include`). */
export const LookupInclude = z.enum(['openCommitments']);
export type LookupInclude = z.infer<typeof LookupInclude>;

export const LookupRequest = z.object({
  emails: z.array(Email).min(1).max(LOOKUP_MAX),
  /**
   * `openCommitments`: the open commitments of every account the addresses matched, as
   * `GET /v1/accounts/{id}/commitments?status=open` lists them. For opening a thread, whose
   * sidebar shows them at once: one request instead of two.
   */
  include: z.array(LookupInclude).max(1).optional(),
});
export type LookupRequest = z.infer<typeof LookupRequest>;

/** What the inbox needs to know about a client's account at a glance. */
export const AccountSummary = z.object({
  id: Id,
  name: z.string(),
  stage: Stage,
  owner: UserRef.nullable(),
  lastContactAt: Instant.nullable(),
  cadenceDays: z.number().int().positive().nullable(),
  openCommitments: z.number().int().nonnegative(),
  overdueCommitments: z.number().int().nonnegative(),
  /** People at the client we have been in touch with (single-threading shows as 1). */
  contactsInTouch: z.number().int().nonnegative(),
  risk: Risk,
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const LookupMatch = z.discriminatedUnion('match', [
  z.object({
    match: z.literal('contact'),
    email: Email,
    contact: z.object({ id: Id, name: z.string(), role: z.string().nullable() }),
    account: AccountSummary,
  }),
  /** Nobody with this address, but its domain belongs to a known account. */
  z.object({ match: z.literal('account-domain'), email: Email, account: AccountSummary }),
  z.object({ match: z.literal('unknown'), email: Email }),
]);
export type LookupMatch = z.infer<typeof LookupMatch>;

/** One result per requested address, in request order (duplicates collapsed). */
export const LookupResponse = z.object({
  results: z.array(LookupMatch),
  /**
   * With `include: ["openCommitments"]` only: each account the results name, in order of first
   * mention, with its open commitments (due first). A list, not a map keyed by id: the extension
   * validates it with the same schema, and a map costs its pages more code.
   */
  openCommitments: z.array(z.object({ accountId: Id, items: z.array(Commitment) })).optional(),
});
export type LookupResponse = z.infer<typeof LookupResponse>;

export { FREE_MAIL_DOMAINS, isFreeMailDomain } from './free-mail';
