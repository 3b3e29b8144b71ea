import { emailDomain } from '../api/email';
import { isFreeMailDomain } from '../api/free-mail';

/** The "Add contact" form as typed. */
export interface ContactDraft {
  name: string;
  email: string;
  role: string;
  /** Set when the address's domain already belongs to an account: the contact joins it. */
  accountId: string | null;
  /** The new account's name, when there is no existing one. */
  company: string;
}

// Second-level labels that belong to the country suffix, not to the company ("co.id", "com.my").
const SUFFIX_LABELS = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'or', 'go', 'ltd', 'plc']);

function capitalise(words: string): string {
  return words
    .split(/[\s._-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1))
    .join(' ');
}

/** "nowhere-trading.example" → "Nowhere Trading"; '' for free mail, where the domain says nothing. */
export function companyFromDomain(domain: string): string {
  if (domain === '' || isFreeMailDomain(domain)) return '';
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  labels.pop();
  while (labels.length > 1 && SUFFIX_LABELS.has(labels[labels.length - 1] ?? '')) labels.pop();
  return capitalise(labels[labels.length - 1] ?? '');
}

/** "budi.santoso@…" → "Budi Santoso", used when the page showed no display name. */
export function nameFromAddress(email: string): string {
  const local = email.slice(0, Math.max(0, email.lastIndexOf('@')));
  return /^[\p{L}._-]+$/u.test(local) ? capitalise(local) : '';
}

/** The form prefilled from what the mail page shows; nothing is created until the user saves. */
export function prefillContact(person: { name: string; email: string }, account: { id: string } | null): ContactDraft {
  const name = person.name.trim() && person.name.trim() !== person.email ? person.name.trim() : nameFromAddress(person.email);
  return { name, email: person.email, role: '', accountId: account?.id ?? null, company: account ? '' : companyFromDomain(emailDomain(person.email)) };
}

export type ContactErrors = Partial<Record<'name' | 'email' | 'company', string>>;
