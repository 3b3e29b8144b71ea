import { z } from 'zod';
import { Day, Id, Instant } from './common';
import { Commitment, UserRef } from './entities';
import { RiskReason } from './risk';

/** "This week": commitments due and rhythms coming due within this many days from today count. */
export const ATTENTION_WINDOW_DAYS = 7;
export const ATTENTION_PAGE_MAX = 100;

/**
 * `GET /v1/attention`: who needs the caller today. `owner=me` (the default) lists what the caller
 * owns; `team` what anyone in the caller's team owns (every member may ask: there are no roles).
 */
export const AttentionQuery = z.object({
  owner: z.enum(['me', 'team']).default('me'),
  /**
   * A section's `nextCursor`. The answer then holds that section's next page alone; the cursor
   * names its section and must be sent with the `owner` it was handed out for.
   */
  cursor: z.string().max(400).optional(),
  /** Rows per section. */
  limit: z.coerce.number().int().min(1).max(ATTENTION_PAGE_MAX).default(20),
});
export type AttentionQuery = z.infer<typeof AttentionQuery>;

/** Enough of an account to name it and say whose it is. */
export const AttentionAccount = z.object({ id: Id, name: z.string(), owner: UserRef.nullable() });
export type AttentionAccount = z.infer<typeof AttentionAccount>;

/** An account at risk or to watch, with the reasons its stored summary gives. */
export const AttentionRisk = z.object({
  account: AttentionAccount,
  level: z.enum(['watch', 'at-risk']),
  reasons: z.array(RiskReason),
  lastContactAt: Instant.nullable(),
});
export type AttentionRisk = z.infer<typeof AttentionRisk>;

/** An open commitment overdue or due within the window. */
export const AttentionCommitment = z.object({
  commitment: Commitment,
  account: z.object({ id: Id, name: z.string() }),
  dueDate: Day,
  /** Days past the due date (UTC): positive when overdue, 0 on the day, negative when still ahead. */
  daysOverdue: z.number().int(),
});
export type AttentionCommitment = z.infer<typeof AttentionCommitment>;

/** An account whose agreed rhythm of contact (`cadenceDays`) comes due within the window. */
export const AttentionRhythm = z.object({
  account: AttentionAccount,
  cadenceDays: z.number().int().positive(),
  /** Null: never in touch, so the rhythm is due now. */
  lastContactAt: Instant.nullable(),
  /** Last contact plus the cadence; null with `lastContactAt`. In the past when already missed. */
  dueAt: Instant.nullable(),
});
export type AttentionRhythm = z.infer<typeof AttentionRhythm>;

const section = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Pass back as `cursor` for this section's next page; null on its last page. */
    nextCursor: z.string().nullable(),
  });

export const AttentionRiskSection = section(AttentionRisk);
export const AttentionCommitmentSection = section(AttentionCommitment);
export const AttentionRhythmSection = section(AttentionRhythm);

/**
 * Without a cursor: the first page of all three sections, one screen from one request. With one:
 * only the section the cursor belongs to. Each section is ordered by urgency: the most at-risk
 * accounts first (level, then the number of reasons); the commitments by due date, the longest overdue first;
 * the rhythms soonest due first (never-contacted ones before all).
 */
export const AttentionPage = z.object({
  /** The instant the answer is for; the window ends `ATTENTION_WINDOW_DAYS` later. */
  asOf: Instant,
  atRisk: AttentionRiskSection.optional(),
  commitments: AttentionCommitmentSection.optional(),
  rhythm: AttentionRhythmSection.optional(),
});
export type AttentionPage = z.infer<typeof AttentionPage>;
