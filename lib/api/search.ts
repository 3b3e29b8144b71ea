import { z } from 'zod';
import { Domain, Id } from './common';
import { Stage, UserRef } from './entities';
import { RiskLevel } from './risk';

export const ACCOUNT_SEARCH_MAX = 50;

/**
 * `GET /v1/accounts?q=`: accounts of the caller's team whose name has a word starting with `q`,
 * or a domain or a contact's address starting with it, ignoring case. `q` is taken literally
 * (`%`, `_` and `\` are plain characters).
 */
export const AccountSearchQuery = z.object({
  q: z.string().trim().min(1, 'type at least one character').max(200),
  limit: z.coerce.number().int().min(1).max(ACCOUNT_SEARCH_MAX).default(20),
});
export type AccountSearchQuery = z.input<typeof AccountSearchQuery>;

/** What matched: the whole name, the start of the name, a word of it, a domain, an address. */
export const SearchMatch = z.enum(['exact', 'name', 'word', 'domain', 'email']);
export type SearchMatch = z.infer<typeof SearchMatch>;

export const AccountHit = z.object({
  id: Id,
  name: z.string(),
  domains: z.array(Domain),
  stage: Stage,
  owner: UserRef.nullable(),
  /** From the account's summary, as lookups report it. */
  riskLevel: RiskLevel,
  match: SearchMatch,
});
export type AccountHit = z.infer<typeof AccountHit>;

/** Best matches first (in the order of `SearchMatch`), then by name. */
export const AccountSearchPage = z.object({ items: z.array(AccountHit) });
export type AccountSearchPage = z.infer<typeof AccountSearchPage>;
