import { z } from 'zod';
import {
  CommitmentStatus, Day, Direction, Domain, Email, Instant, InteractionKind, Preferences, RiskSettings, Stage, Text,
} from '../../lib/api';

/**
 * The import/export document (docs/import-format.md). Records point at each other with keys the
 * file chooses: accounts by `ref`, contacts and users by email address, interactions by an
 * optional `ref`. Objects are strict so a misspelt field is an error instead of silently lost data.
 */
export const BUNDLE_VERSION = 1;

/** A key the file chooses for an account or an interaction. */
export const Ref = z.string().trim().min(1).max(200);

export const BundleUser = z.strictObject({
  email: Email,
  name: Text(200).min(1),
  active: z.boolean().default(true),
});
export type BundleUser = z.infer<typeof BundleUser>;

export const BundleAccount = z.strictObject({
  ref: Ref,
  name: Text(200).min(1),
  domains: z.array(Domain).max(20).default([]),
  stage: Stage.default('prospect'),
  /** A user's email address. */
  owner: Email.nullable().default(null),
  /** Users' email addresses: the people who carry the relationship besides the owner. */
  team: z.array(Email).max(50).default([]),
  cadenceDays: z.number().int().positive().max(3650).nullable().default(null),
  preferences: Preferences.strict().default({}),
  specialTerms: Text(5000).nullable().default(null),
});
export type BundleAccount = z.infer<typeof BundleAccount>;

export const BundleContact = z.strictObject({
  /** The `ref` of an account in this file. */
  account: Ref,
  name: Text(200).min(1),
  emails: z.array(Email).min(1).max(20),
  role: Text(200).nullable().default(null),
  phone: Text(60).nullable().default(null),
});
export type BundleContact = z.infer<typeof BundleContact>;

export const BundleInteraction = z.strictObject({
  /** Only needed when a commitment names this interaction as its source. */
  ref: Ref.optional(),
  account: Ref,
  kind: InteractionKind,
  direction: Direction.default('internal'),
  occurredAt: Instant,
  summary: Text(20_000).min(1),
  /** A user's email address. */
  author: Email.nullable().default(null),
  /** Email addresses of contacts of the same account. */
  contacts: z.array(Email).max(100).default([]),
  amount: z.number().finite().nullable().default(null),
  threadId: Text(200).nullable().default(null),
});
export type BundleInteraction = z.infer<typeof BundleInteraction>;

export const BundleCommitment = z.strictObject({
  account: Ref,
  text: Text(1000).min(1),
  /** An email address of a contact of the same account. */
  contact: Email.nullable().default(null),
  /** A user's email address. */
  owner: Email.nullable().default(null),
  dueDate: Day.nullable().default(null),
  status: CommitmentStatus.default('open'),
  createdAt: Instant.optional(),
  completedAt: Instant.nullable().default(null),
  /** The `ref` of the interaction where the promise was made. */
  source: Ref.nullable().default(null),
});
export type BundleCommitment = z.infer<typeof BundleCommitment>;

export const Bundle = z.strictObject({
  version: z.literal(BUNDLE_VERSION),
  users: z.array(BundleUser).default([]),
  /** The team's risk thresholds and competitor names; when given they replace the team's. */
  riskSettings: RiskSettings.strict().optional(),
  accounts: z.array(BundleAccount).default([]),
  contacts: z.array(BundleContact).default([]),
  interactions: z.array(BundleInteraction).default([]),
  commitments: z.array(BundleCommitment).default([]),
});
/** A bundle after parsing: defaults filled in, addresses normalised. */
export type Bundle = z.infer<typeof Bundle>;
/** A bundle as written in a file: defaults may be left out. */
export type BundleInput = z.input<typeof Bundle>;
