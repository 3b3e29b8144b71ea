import { emailDomain, normaliseEmail } from '../api/email';
import type { Participant, ReaderOptions } from './types';

/** Rough shape check: something `@` something-with-a-dot, no spaces. Pages also put names there. */
const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An address that is already normalised: printable ASCII without upper case (nothing to trim or
 * lower), in the shape of ADDRESS. Most are; taking them as they are skips making a copy of the
 * text, which costs more than it seems where the address is then looked up in a Map.
 */
const NORMAL_ADDRESS = /^[!-?[-~]+@[!-?[-~]+\.[!-?[-~]+$/;

/** A normalised address, or `null` when the raw value is not an address (never guessed at). */
export function toAddress(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  if (NORMAL_ADDRESS.test(raw)) return raw;
  const address = normaliseEmail(raw);
  return ADDRESS.test(address) ? address : null;
}

/** Builds the predicate "is this address ours" once per read, from the reader options. */
export function makeIsOurs(opts: ReaderOptions): (address: string) => boolean {
  const own = new Set(opts.ownAddresses.map(normaliseEmail));
  const domains = opts.companyDomains.map((d) => normaliseEmail(d).replace(/^@/, '')).filter(Boolean);
  return (address) => {
    if (own.has(address)) return true;
    const domain = emailDomain(address);
    // A subdomain such as eu.ourcompany.example is still the company.
    return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
  };
}

/** Keeps the first occurrence of each address, in order. */
export function uniqueByEmail(people: readonly Participant[]): Participant[] {
  const seen = new Set<string>();
  const out: Participant[] = [];
  for (const p of people) {
    if (seen.has(p.email)) continue;
    seen.add(p.email);
    out.push(p);
  }
  return out;
}
