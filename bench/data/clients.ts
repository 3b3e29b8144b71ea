import { BUNDLE_VERSION, type BundleInput } from '../../server/bundle';
import { STAGES } from '../../lib/api';
import { DEMO_USERS } from '../../server/seed/demo';

const DAY_MS = 86_400_000;

/** How much generated data the benchmark adds to the demo team. */
export const PLAN = {
  /** Clients whose threads are opened (each one's first open is a cold lookup). */
  threadClients: 40,
  /** Clients whose people fill the inbox (one sender per client). */
  inboxClients: 54,
  /** Senders in the inbox that match nobody, so the inbox has 60 distinct senders. */
  inboxUnknown: 6,
  /** Contacts per inbox client: each cold inbox run uses a fresh one, so nothing is cached. */
  inboxContactsPerClient: 24,
} as const;

type Account = NonNullable<BundleInput['accounts']>[number];
type Contact = NonNullable<BundleInput['contacts']>[number];
type Interaction = NonNullable<BundleInput['interactions']>[number];
type Commitment = NonNullable<BundleInput['commitments']>[number];

const day = (now: number, offset: number) => new Date(now + offset * DAY_MS).toISOString().slice(0, 10);
const instant = (now: number, daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();

export const threadDomain = (i: number) => `thread-client-${i}.bench.example`;
export const inboxDomain = (i: number) => `inbox-client-${i}.bench.example`;
/** The address of the thread client `i`'s main contact (the one a thread comes from). */
export const threadSender = (i: number) => `buyer${i}@${threadDomain(i)}`;
/** The second contact of thread client `i`, also in its threads. */
export const threadOps = (i: number) => `ops${i}@${threadDomain(i)}`;
/** Inbox sender `j` (0..59) of cold run `run`: a contact of an inbox client, or an unknown address. */
export function inboxSender(run: number, j: number): string {
  if (j < PLAN.inboxClients) return `c${run}.person${j}@${inboxDomain(j)}`;
  return `stranger${run}x${j}@nobody-${j}.bench.example`;
}
export const inboxRuns = PLAN.inboxContactsPerClient;

/**
 * One generated client. Every third is healthy, every third silent beyond its rhythm (to watch),
 * every third silent with overdue promises as well (at risk); each has open commitments, so the
 * sidebar has a list to show.
 */
function client(now: number, ref: string, name: string, domain: string, i: number, emails: string[]) {
  const pattern = i % 3;
  const owner = (i % 2 === 0 ? DEMO_USERS.dewi : DEMO_USERS.andrei).email;
  const account: Account = {
    ref, name, domains: [domain], stage: STAGES[i % (STAGES.length - 1)] ?? 'prospect', owner,
    team: [DEMO_USERS.nurul.email], cadenceDays: 14,
  };
  const contacts: Contact[] = emails.map((email, k) => ({ account: ref, name: `${name.split(' ')[0]} Person ${k}`, emails: [email], role: k === 0 ? 'Buyer' : null }));
  const lastDaysAgo = pattern === 0 ? 3 : 45;
  const interactions: Interaction[] = [
    { account: ref, kind: 'meeting', direction: 'outbound', occurredAt: instant(now, 120), summary: 'Kick-off with the buyer', author: owner, contacts: emails.slice(0, 2) },
    { account: ref, kind: 'email', direction: 'inbound', occurredAt: instant(now, lastDaysAgo), summary: 'Asked about the renewal terms', author: owner, contacts: emails.slice(1, 2) },
  ];
  const commitments: Commitment[] = [
    { account: ref, text: `Send the revised quote to ${name}`, owner, dueDate: day(now, pattern === 2 ? -12 : 9), createdAt: instant(now, 30) },
    { account: ref, text: 'Book the site survey', owner, dueDate: day(now, pattern === 2 ? -3 : 20), createdAt: instant(now, 20) },
    ...(i % 4 === 0 ? [{ account: ref, text: 'Confirm the delivery window', owner, dueDate: null, createdAt: instant(now, 10) }] : []),
  ];
  return { account, contacts, interactions, commitments };
}

/** The generated clients as an import bundle for the demo team (its users already exist). */
export function benchBundle(now = Date.now()): BundleInput {
  const parts = [
    ...Array.from({ length: PLAN.threadClients }, (_, i) =>
      client(now, `bench-thread-${i}`, `Thread Client ${i} Ltd`, threadDomain(i), i, [threadSender(i), threadOps(i)])),
    ...Array.from({ length: PLAN.inboxClients }, (_, j) =>
      client(now, `bench-inbox-${j}`, `Inbox Client ${j} Ltd`, inboxDomain(j), j, Array.from({ length: inboxRuns }, (_, r) => inboxSender(r, j)))),
  ];
  return {
    version: BUNDLE_VERSION,
    accounts: parts.map((p) => p.account),
    contacts: parts.flatMap((p) => p.contacts),
    interactions: parts.flatMap((p) => p.interactions),
    commitments: parts.flatMap((p) => p.commitments),
  };
}
