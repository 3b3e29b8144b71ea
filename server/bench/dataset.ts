import { randomUUID } from 'node:crypto';
import { INTERACTION_KINDS, STAGES } from '../../lib/api';
import { uuidArrayLiteral } from '../bundle/bulk-insert';
import { seededRandom } from '../seed/history';
import type { DatasetSize } from './options';

const DAY_MS = 86_400_000;
/** The share of the accounts the benchmark's own user owns. */
const OWNED_BY_FIRST = 0.025;
const WORDS = ['sinar', 'jaya', 'makmur', 'sever', 'volga', 'ural', 'getah', 'perak', 'carpat', 'codru', 'marin', 'delta', 'nusa', 'baltic', 'agro', 'tekno'];
const TLDS = ['co.id', 'ru', 'com.my', 'ro', 'com', 'de', 'pl', 'vn', 'kz', 'com.tr'];
const SUMMARIES = [
  'Quarterly review; asked about two more sites', 'Sent the monthly service report', 'Called to confirm the installation window',
  'Order: dedicated line renewal, 12 months', 'Complained about the evening slowdown', 'Invoice question: two months billed',
  'Outage at the main office for 3 hours', 'Workshop with the IT team on the network redesign',
];

/** Rows as positional arrays, in the column order of `load-data.ts`. */
export type Row = unknown[];

/**
 * A synthetic team at a given size, the same for the same size: accounts with domains, contacts
 * with addresses (a tenth of them free-mail), two years of interactions skewed towards some
 * accounts as real books are, and commitments half of them open.
 */
export class Dataset {
  readonly teamId = randomUUID();
  readonly userIds = Array.from({ length: 25 }, () => randomUUID());
  readonly accountIds: string[];
  readonly domains: string[];
  /** Each contact's first address, for lookups. */
  readonly contactEmails: string[] = [];
  private readonly contactsOf: string[][];
  private readonly random = seededRandom('bench');

  constructor(readonly size: DatasetSize, readonly now = Date.now()) {
    this.accountIds = Array.from({ length: size.accounts }, () => randomUUID());
    this.domains = this.accountIds.map((_, i) => `${this.pick(WORDS)}-${this.pick(WORDS)}-${i}.${TLDS[i % TLDS.length]}`);
    this.contactsOf = this.accountIds.map(() => []);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  /** Skewed towards low indexes: a few accounts hold much of the history. */
  private account(): number {
    return Math.min(this.size.accounts - 1, Math.floor(this.size.accounts * this.random() ** 1.3));
  }

  /**
   * The token's user (the first) owns the first 2.5% of the accounts, 500 at full size (what
   * `attention` measures); of the others, one in 50 has no owner and the rest are spread over the
   * other users.
   */
  private owner(i: number): string | null {
    if (i < Math.round(this.size.accounts * OWNED_BY_FIRST)) return this.userIds[0]!;
    return i % 50 === 0 ? null : this.pick(this.userIds.slice(1));
  }

  users(): Row[] {
    return this.userIds.map((id, i) => [id, this.teamId, `Bench User ${i}`, `user${i}@bench.example`, i !== 24]);
  }

  accounts(): Row[] {
    return this.accountIds.map((id, i) => [
      id, this.teamId, `Client ${i} ${this.pick(WORDS)}`, this.pick(STAGES), this.owner(i),
      i % 3 === 0 ? 14 + (i % 4) * 7 : null, '{}', i % 10 === 0 ? 'Net 60; price fixed for two years' : null,
    ]);
  }

  accountDomains(): Row[] {
    return this.domains.map((d, i) => [this.teamId, d, this.accountIds[i]]);
  }

  /** Contacts and their addresses; every account gets at least one contact. */
  contacts(): { contacts: Row[]; emails: Row[] } {
    const contacts: Row[] = [];
    const emails: Row[] = [];
    for (let n = 0; n < this.size.contacts; n++) {
      const a = n < this.size.accounts ? n : this.account();
      const id = randomUUID();
      const email = n % 10 === 9 ? `person${n}@gmail.com` : `person${n}@${this.domains[a]}`;
      contacts.push([id, this.teamId, this.accountIds[a], `Person ${n}`, n % 4 === 0 ? 'Procurement' : null, null]);
      emails.push([this.teamId, email, id, 0]);
      this.contactsOf[a]!.push(id);
      this.contactEmails.push(email);
    }
    return { contacts, emails };
  }

  /** Interactions in chunks, so a million rows never sit in memory at once. Call after `contacts()`. */
  *interactions(chunk: number): Generator<Row[]> {
    let rows: Row[] = [];
    for (let n = 0; n < this.size.interactions; n++) {
      const a = this.account();
      const people = this.contactsOf[a] ?? [];
      const kind = this.pick(INTERACTION_KINDS);
      const who = people.length === 0 ? [] : [this.pick(people)];
      rows.push([
        randomUUID(), this.teamId, this.accountIds[a], kind, this.pick(['inbound', 'outbound', 'internal'] as const),
        new Date(this.now - this.random() * 730 * DAY_MS).toISOString(), this.pick(SUMMARIES), this.pick(this.userIds),
        uuidArrayLiteral(who), kind === 'order' ? Math.round(this.random() * 50_000) : null, null,
      ]);
      if (rows.length === chunk) {
        yield rows;
        rows = [];
      }
    }
    if (rows.length > 0) yield rows;
  }

  commitments(): Row[] {
    return Array.from({ length: this.size.commitments }, (_, n) => {
      const a = this.account();
      const open = n % 2 === 0;
      const due = new Date(this.now + (this.random() * 120 - 60) * DAY_MS).toISOString().slice(0, 10);
      const created = new Date(this.now - this.random() * 200 * DAY_MS).toISOString();
      return [
        randomUUID(), this.teamId, this.accountIds[a], this.contactsOf[a]?.[0] ?? null, this.pick(this.userIds),
        `Promise ${n}: send the revised offer`, due, open ? 'open' : 'done', created, created, open ? null : created, null,
      ];
    });
  }
}
