import { z } from 'zod';
import { Day, Domain, Email, Id, Instant, Text } from './common';
import { DIRECTIONS, INTERACTION_KINDS } from './kinds';

/** The relationship ladder (DOMAIN.md §5), plus `lost`. */
export const STAGES = ['prospect', 'potential', 'buying', 'repeat', 'loyal', 'promoter', 'lost'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const InteractionKind = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKind>;

/** Kinds that count as "a problem" in the risk rules and stand out in the timeline. */
export const PROBLEM_KINDS: readonly InteractionKind[] = ['complaint', 'billing', 'outage', 'cancellation'];

export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const CommitmentStatus = z.enum(['open', 'done', 'cancelled']);
export type CommitmentStatus = z.infer<typeof CommitmentStatus>;

export const Team = z.object({
  id: Id,
  name: z.string(),
  /**
   * Team setting: anyone of the team may edit and delete any note (interaction). Off: only a
   * note's author may. Absent from older servers' answers, which read as off.
   */
  teamMayEditNotes: z.boolean().default(false),
});
export type Team = z.infer<typeof Team>;

export const User = z.object({ id: Id, name: z.string(), email: Email, teamId: Id, active: z.boolean() });
export type User = z.infer<typeof User>;

/** A user as shown next to a record: enough to name them. */
export const UserRef = z.object({ id: Id, name: z.string(), email: Email });
export type UserRef = z.infer<typeof UserRef>;

/** How the client likes to work (DOMAIN.md §4). Every field optional. */
export const Preferences = z.object({
  channel: Text(80).optional(),
  language: Text(80).optional(),
  paymentTerms: Text(500).optional(),
  workingStyle: Text(2000).optional(),
});
export type Preferences = z.infer<typeof Preferences>;

export const Account = z.object({
  id: Id,
  name: z.string(),
  domains: z.array(Domain),
  stage: Stage,
  owner: UserRef.nullable(),
  team: z.array(UserRef),
  cadenceDays: z.number().int().positive().nullable(),
  preferences: Preferences,
  specialTerms: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  /** Who changed it last through the API; null for records only ever created or imported. */
  updatedBy: UserRef.nullable(),
  /** Optimistic concurrency: a PATCH must send the version it saw. */
  version: z.number().int().positive(),
});
export type Account = z.infer<typeof Account>;

export const Contact = z.object({
  id: Id,
  accountId: Id,
  name: z.string(),
  emails: z.array(Email).min(1),
  role: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Contact = z.infer<typeof Contact>;

export const Interaction = z.object({
  id: Id,
  accountId: Id,
  kind: InteractionKind,
  direction: Direction,
  occurredAt: Instant,
  summary: z.string(),
  author: UserRef.nullable(),
  contactIds: z.array(Id),
  amount: z.number().nullable(),
  /** For logged emails: the mail site's thread id, so a thread shows as logged. */
  threadId: z.string().nullable(),
  createdAt: Instant,
  /** When and by whom it was last edited (or restored); at creation, `createdAt` and null. */
  updatedAt: Instant,
  updatedBy: UserRef.nullable(),
  /** Optimistic concurrency: a PATCH must send the version it saw. */
  version: z.number().int().positive(),
});
export type Interaction = z.infer<typeof Interaction>;

export const Commitment = z.object({
  id: Id,
  accountId: Id,
  contactId: Id.nullable(),
  owner: UserRef.nullable(),
  text: z.string(),
  dueDate: Day.nullable(),
  status: CommitmentStatus,
  createdAt: Instant,
  completedAt: Instant.nullable(),
  sourceInteractionId: Id.nullable(),
  /** Optimistic concurrency: a PATCH must send the version it saw. */
  version: z.number().int().positive(),
});
export type Commitment = z.infer<typeof Commitment>;
