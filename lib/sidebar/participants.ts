import type { AccountSummary, Contact } from '../api';
import { normaliseEmail } from '../api/email';
import type { LookupItem } from '../messaging/protocol';
import { matchByName } from './name-match';

/** A person of the thread with what the CRM said about their address. */
export interface Participant {
  name: string;
  email: string;
  item: LookupItem;
}

/** Pairs the page's people with the lookup answers (one per distinct address, in request order). */
export function pairParticipants(people: readonly { name: string; email: string }[], items: readonly LookupItem[]): Participant[] {
  const byEmail = new Map(items.map((item) => [normaliseEmail(item.email), item]));
  const seen = new Set<string>();
  const paired: Participant[] = [];
  for (const person of people) {
    const key = normaliseEmail(person.email);
    const item = byEmail.get(key);
    if (!item || seen.has(key)) continue;
    seen.add(key);
    paired.push({ name: person.name, email: person.email, item });
  }
  return paired;
}

/** Whom to show first: the first known contact, else the first address of a known account, else the first. */
export function firstToShow(participants: readonly Participant[]): number {
  const contact = participants.findIndex((p) => p.item.match === 'contact');
  if (contact >= 0) return contact;
  const domain = participants.findIndex((p) => p.item.match === 'account-domain');
  return domain >= 0 ? domain : 0;
}

/** The account a participant belongs to, when the CRM knows it. */
export function accountOf(item: LookupItem): AccountSummary | null {
  return item.match === 'contact' || item.match === 'account-domain' ? item.account : null;
}

/** A person the page showed by name only, and the contact of the viewed account they probably are. */
export interface NamedPerson {
  name: string;
  probably: Pick<Contact, 'id' | 'name' | 'role'> | null;
}

export function matchNamedPeople(names: readonly { name: string }[], contacts: readonly Contact[]): NamedPerson[] {
  return names.map(({ name }) => {
    const contact = matchByName(name, contacts);
    return { name, probably: contact && { id: contact.id, name: contact.name, role: contact.role } };
  });
}

/** We only ever talk to one person there: the relationship hangs on a single thread. */
export function isSingleThreaded(summary: Pick<AccountSummary, 'contactsInTouch' | 'risk'>): boolean {
  return summary.contactsInTouch === 1 || summary.risk.reasons.some((r) => r.code === 'single-threaded');
}
