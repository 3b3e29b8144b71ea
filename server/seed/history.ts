import type { CommitmentStatus, Direction, InteractionKind } from '../../lib/api';
import type { BundleInput } from '../bundle';

type Interaction = NonNullable<BundleInput['interactions']>[number];
type Commitment = NonNullable<BundleInput['commitments']>[number];

export const DAY_MS = 86_400_000;

/** A small deterministic generator (mulberry32), so the demo is the same for the same moment. */
export function seededRandom(seed: string): () => number {
  let a = 0;
  for (const ch of seed) a = (Math.imul(a ^ ch.charCodeAt(0), 2_654_435_761) + 1) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface PromiseSpec {
  text: string;
  /** Days from the seeding day: negative is already past. */
  due: number | null;
  createdDaysAgo: number;
  status?: CommitmentStatus;
  /** For done or cancelled ones. */
  closedDaysAgo?: number;
  /** Index into the account's contacts. */
  contact?: number;
  /** The `ref` of the interaction where it was promised. */
  source?: string;
}

/**
 * Builds one account's history backwards from a moment. Every date is relative to `now`, so
 * the risk signals the demo is meant to show hold on whatever day it is seeded.
 */
export class History {
  readonly interactions: Interaction[] = [];
  readonly commitments: Commitment[] = [];
  readonly random: () => number;

  constructor(
    readonly now: number,
    readonly account: string,
    /** The first address of each contact, in order. */
    readonly people: readonly string[],
    /** Who logs the team's side of the history. */
    readonly author: string | null,
  ) {
    this.random = seededRandom(account);
  }

  /** An instant `days` ago, a few working hours earlier than the seeding moment's time. */
  at(days: number): string {
    const hours = 1 + Math.floor(this.random() * 6);
    return new Date(this.now - days * DAY_MS - hours * 3_600_000).toISOString();
  }

  /** The UTC calendar day `offset` days from the seeding day. */
  day(offset: number): string {
    return new Date(this.now + offset * DAY_MS).toISOString().slice(0, 10);
  }

  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.random() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Some logged emails carry a mail thread id, as when they were logged from the inbox. */
  private threadId(kind: InteractionKind): string | null {
    if (kind !== 'email' || this.random() < 0.5) return null;
    return Array.from({ length: 16 }, () => Math.floor(this.random() * 16).toString(16)).join('');
  }

  add(kind: InteractionKind, direction: Direction, daysAgo: number, summary: string, options: { people?: readonly number[]; amount?: number; ref?: string } = {}): void {
    const contacts = (options.people ?? []).map((i) => this.people[i]).filter((e): e is string => e !== undefined);
    this.interactions.push({
      ...(options.ref === undefined ? {} : { ref: options.ref }),
      account: this.account, kind, direction, occurredAt: this.at(daysAgo), summary,
      author: this.author, contacts, amount: options.amount ?? null, threadId: this.threadId(kind),
    });
  }

  promise(spec: PromiseSpec): void {
    const status = spec.status ?? 'open';
    const contact = spec.contact === undefined ? null : (this.people[spec.contact] ?? null);
    this.commitments.push({
      account: this.account, text: spec.text, contact, owner: this.author,
      dueDate: spec.due === null ? null : this.day(spec.due), status,
      createdAt: this.at(spec.createdDaysAgo),
      completedAt: status === 'open' ? null : this.at(spec.closedDaysAgo ?? 0),
      source: spec.source ?? null,
    });
  }
}
