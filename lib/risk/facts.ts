import type { Direction, InteractionKind, RiskSettings } from '../api';

/** One past interaction, as much of it as the rules need. */
export interface InteractionFact {
  kind: InteractionKind;
  direction: Direction;
  /** Epoch milliseconds. */
  occurredAt: number;
  contactIds: readonly string[];
  amount: number | null;
  summary: string;
}

/**
 * What the rules know about one account. The caller passes at least the interactions of the
 * longest window in the settings (12 months by default); extra older ones are harmless.
 */
export interface AccountFacts {
  /** Epoch milliseconds: the moment the assessment is for. */
  now: number;
  cadenceDays: number | null;
  /** An owner is set and that user is still active. */
  hasActiveOwner: boolean;
  interactions: readonly InteractionFact[];
  /**
   * The latest two-way contact (epoch ms) when the caller knows of one older than the
   * interactions it passes; without it a client silent for longer than the window looks unknown.
   */
  lastContactAt?: number | null;
  /** Due dates (`YYYY-MM-DD`, or null) of the commitments still open. */
  openCommitmentDueDates: readonly (string | null)[];
}

/**
 * Days of history the rules need: a year, or more if the team's windows reach further back.
 * A caller passes the interactions of this window (`occurredAt` after `now` minus these days).
 */
export function factWindowDays(s: RiskSettings): number {
  return Math.ceil(Math.max(365, s.singleThreadedMonths * 30.44, s.ordersWindowDays * 2, s.recentDays, s.competitorDays));
}
