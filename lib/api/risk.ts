import { z } from 'zod';

export const RiskLevel = z.enum(['ok', 'watch', 'at-risk']);
export type RiskLevel = z.infer<typeof RiskLevel>;

/**
 * One explained reason. The UI words it from `code` and the numbers, in its own language;
 * the server never sends prose.
 */
export const RiskReason = z.discriminatedUnion('code', [
  /** Days since the last two-way contact exceed the agreed rhythm, or twice the usual gap. */
  z.object({
    code: z.literal('silence'),
    days: z.number().int().nonnegative(),
    expectedDays: z.number().int().positive(),
    basis: z.enum(['cadence', 'usual-gap']),
  }),
  /** Open commitments past their due date. */
  z.object({
    code: z.literal('overdue-commitments'),
    count: z.number().int().positive(),
    oldestDaysOverdue: z.number().int().positive(),
  }),
  /** Most recent contacts were problems, with no proactive outbound touch among them. */
  z.object({
    code: z.literal('only-problems'),
    problems: z.number().int().positive(),
    of: z.number().int().positive(),
  }),
  /** Orders down against the previous period, or cancellations recorded. */
  z.object({
    code: z.literal('shrinking-business'),
    dropPercent: z.number().int().nullable(),
    cancellations: z.number().int().nonnegative(),
  }),
  /** Every interaction in the window involved one person at the client. */
  z.object({ code: z.literal('single-threaded'), months: z.number().int().positive() }),
  /** The account has no owner, or its owner is no longer active. */
  z.object({ code: z.literal('no-owner') }),
  /** A competitor was named in a recent note. */
  z.object({
    code: z.literal('competitor-mentioned'),
    competitor: z.string(),
    daysAgo: z.number().int().nonnegative(),
  }),
]);
export type RiskReason = z.infer<typeof RiskReason>;
export type RiskCode = RiskReason['code'];

export const Risk = z.object({ level: RiskLevel, reasons: z.array(RiskReason) });
export type Risk = z.infer<typeof Risk>;

/** Per-team thresholds for the rules; every field has a default. */
export const RiskSettings = z.object({
  /** When no cadence is agreed: silence beyond this multiple of the client's median gap. */
  usualGapMultiple: z.number().positive().default(2),
  /** Past contacts needed before a usual gap is trusted. */
  usualGapMinContacts: z.number().int().min(2).default(3),
  /** "Only problems": look at the last N interactions within `recentDays`. */
  recentCount: z.number().int().positive().default(5),
  recentDays: z.number().int().positive().default(90),
  /** "Shrinking": compare order totals over two windows of this many days. */
  ordersWindowDays: z.number().int().positive().default(90),
  ordersDropPercent: z.number().min(1).max(100).default(30),
  singleThreadedMonths: z.number().int().positive().default(12),
  competitorDays: z.number().int().positive().default(90),
  competitors: z.array(z.string().trim().min(1).max(80)).max(200).default([]),
  /** Weighted sum of reasons at or above which the level is `watch` / `at-risk`. */
  watchAt: z.number().positive().default(1),
  atRiskAt: z.number().positive().default(3),
});
export type RiskSettings = z.infer<typeof RiskSettings>;
