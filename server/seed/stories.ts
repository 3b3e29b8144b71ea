import type { Direction, InteractionKind } from '../../lib/api';
import type { History, PromiseSpec } from './history';

/** One strand of an account's history. */
export type Story = (h: History) => void;

const TOUCHES: readonly [InteractionKind, Direction, readonly string[]][] = [
  ['email', 'outbound', [
    'Sent the monthly service report', 'Shared the maintenance calendar for next quarter',
    'Sent the proposal for the branch upgrade', 'Followed up on the training dates',
    'Sent the minutes of the review meeting', 'Shared the "what\'s new" note on the customer portal',
  ]],
  ['call', 'outbound', [
    'Check-in call: all running, asked about new sites', 'Called to confirm the installation window',
    'Quarterly satisfaction call: scored us 9/10', 'Called about the renewal terms & timing',
  ]],
  ['email', 'inbound', [
    'Asked for a quote for two more sites', 'Confirmed the installation date', 'Thanked the team for the quick fix',
    'Asked for the updated price list', 'Sent the new contact list for their IT team',
  ]],
  ['meeting', 'outbound', [
    'Quarterly business review on site', 'Workshop with the IT team on the network redesign',
    'Lunch with the finance director', 'Demo of the new monitoring dashboard',
  ]],
];

/**
 * Regular two-way contact every `every` days from `from` days ago up to exactly `to` days ago
 * (the anchor the silence rules measure from), rotating through the given contacts.
 */
export const touches = (o: { every: number; from: number; to: number; people?: readonly number[] }): Story => (h) => {
  const people = o.people ?? h.people.map((_, i) => i);
  let n = 0;
  for (let d = o.to; d <= o.from; d += o.every, n += 1) {
    const [kind, direction, topics] = TOUCHES[n % TOUCHES.length]!;
    // A day of jitter looks natural; the newest touch stays exactly where the story needs it.
    const day = d === o.to ? d : d + Math.round(h.random() * 2 - 1);
    const who = people.length === 0 ? [] : [people[n % people.length]!];
    h.add(kind, direction, day, h.pick(topics), { people: who });
  }
};

/** Orders on the given days, each within a few percent of `amount`. */
export const orders = (o: { at: readonly number[]; amount: number; people?: readonly number[]; what?: string }): Story => (h) => {
  o.at.forEach((day, i) => {
    const amount = Math.round(o.amount * (0.97 + h.random() * 0.06));
    h.add('order', 'inbound', day, `Order #${4100 + i * 7 + day}: ${o.what ?? 'dedicated line, 12 months'}`, {
      people: o.people ?? [0], amount,
    });
  });
};

/** Orders on the given days with the given amounts, for shrinking business. */
export const ordersOf = (list: readonly [day: number, amount: number][], what: string, people: readonly number[] = [0]): Story => (h) => {
  for (const [day, amount] of list) h.add('order', 'inbound', day, `Order: ${what}`, { people, amount });
};

/** One interaction, e.g. a complaint, an outage or an internal note. */
export const event = (
  daysAgo: number, kind: InteractionKind, direction: Direction, summary: string, people: readonly number[] = [], ref?: string,
): Story => (h) => h.add(kind, direction, daysAgo, summary, ref === undefined ? { people } : { people, ref });

export const promise = (spec: PromiseSpec): Story => (h) => h.promise(spec);

/** What a healthy, looked-after account's history has: kept promises and one still ahead. */
export const keptPromises = (contact = 0): Story => (h) => {
  h.promise({ text: 'Send the signed SLA annex', due: -40, createdDaysAgo: 60, status: 'done', closedDaysAgo: 45, contact });
  h.promise({ text: 'Propose dates for the next on-site review', due: 12, createdDaysAgo: 5, contact });
};

/** Steady orders in both comparison windows, so nothing looks like shrinking business. */
export const monthlyOrders = (amount: number, people: readonly number[] = [0]): Story =>
  orders({ at: [15, 45, 75, 105, 135, 165], amount, people });
