import type { ListRow, Participant } from '../mail/types';
import type { LookupItem } from '../messaging/protocol';
import { riskMarkOf, type RiskMark } from './badge-model';

/** The most addresses one `lookup` message may carry (the protocol's limit). */
export const LOOKUP_BATCH_MAX = 500;

/**
 * The addresses a list page needs answers for, unique, in row order, leaving out those `known`
 * already answers, at most LOOKUP_BATCH_MAX: one message for the whole page.
 */
export function addressesToLookUp(rows: readonly ListRow[], known: (email: string) => boolean): string[] {
  const out = new Set<string>();
  for (const row of rows) {
    for (const { email } of row.senders) {
      if (out.size >= LOOKUP_BATCH_MAX) return [...out];
      if (!known(email)) out.add(email);
    }
  }
  return [...out];
}

/**
 * The badges one row gets: a mark for each sender whose client is to watch or at risk, one per
 * account (two people from the same client share a badge, next to the first of them).
 */
export function marksForSenders(senders: readonly Participant[], answer: (email: string) => LookupItem | undefined): RiskMark[] {
  const marks: RiskMark[] = [];
  for (const { email } of senders) {
    const mark = riskMarkOf(answer(email));
    // A row shows a few people: looking through its marks is quicker than keeping a set.
    if (mark && !marks.some((m) => m.accountId === mark.accountId)) marks.push(mark);
  }
  return marks;
}

/** The mark for an open thread's banner: the first participant whose client is at risk, else to watch. */
export function bannerMarkOf(participants: readonly Participant[], answer: (email: string) => LookupItem | undefined): RiskMark | null {
  const marks = participants.map((p) => riskMarkOf(answer(p.email))).filter((m): m is RiskMark => m !== null);
  return marks.find((m) => m.level === 'at-risk') ?? marks[0] ?? null;
}
