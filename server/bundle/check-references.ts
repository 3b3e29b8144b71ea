import { isFreeMailDomain } from '../../lib/api';
import type { BundleIssue } from './errors';
import type { Bundle } from './format';

/** What the team already holds, as far as an import can collide with it. */
export interface TeamState {
  /** The team's users by (normalised) email. */
  users: ReadonlyMap<string, { id: string }>;
  /** Every address of the team's contacts. */
  contactEmails: ReadonlySet<string>;
  /** Every domain of the team's accounts. */
  domains: ReadonlySet<string>;
  /** For CSV imports: the team's accounts by lower-case name, which rows may join. */
  accountsByName?: ReadonlyMap<string, string>;
}

const quote = (s: string) => JSON.stringify(s);

/**
 * Checks what the schema cannot: that every key points at something, and that nothing collides
 * with itself or with the team's data. Returns every problem, in file order.
 */
export function checkReferences(bundle: Bundle, team: TeamState): BundleIssue[] {
  const issues: BundleIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });

  const listedUsers = new Map<string, number>();
  bundle.users.forEach((u, i) => {
    const seen = listedUsers.get(u.email);
    if (seen !== undefined) issue(`users[${i}].email`, `${quote(u.email)} is already listed as users[${seen}]`);
    else listedUsers.set(u.email, i);
  });
  const userExists = (path: string, email: string | null) => {
    if (email === null || team.users.has(email) || listedUsers.has(email)) return;
    issue(path, `no user ${quote(email)} in this team; add them to "users" to create them`);
  };

  const accounts = new Map<string, number>();
  const domains = new Map<string, number>();
  bundle.accounts.forEach((a, i) => {
    const seen = accounts.get(a.ref);
    if (seen !== undefined) issue(`accounts[${i}].ref`, `${quote(a.ref)} is already the ref of accounts[${seen}]`);
    else accounts.set(a.ref, i);
    a.domains.forEach((d, j) => {
      const path = `accounts[${i}].domains[${j}]`;
      const other = domains.get(d);
      if (isFreeMailDomain(d)) issue(path, `${quote(d)} is a free-mail domain shared by unrelated people`);
      else if (other !== undefined) issue(path, `${quote(d)} is already a domain of accounts[${other}]`);
      else if (team.domains.has(d)) issue(path, `${quote(d)} already belongs to an account of this team`);
      else domains.set(d, i);
    });
    userExists(`accounts[${i}].owner`, a.owner);
    a.team.forEach((email, j) => userExists(`accounts[${i}].team[${j}]`, email));
  });
  const accountExists = (path: string, ref: string) => {
    if (accounts.has(ref) || team.accountsByName?.has(ref.toLowerCase())) return true;
    issue(path, `no account with ref ${quote(ref)}`);
    return false;
  };

  // Address → [contact index, account ref], to check that people are used on their own account.
  const contacts = new Map<string, [number, string]>();
  bundle.contacts.forEach((c, i) => {
    accountExists(`contacts[${i}].account`, c.account);
    c.emails.forEach((email, j) => {
      const path = `contacts[${i}].emails[${j}]`;
      const other = contacts.get(email);
      if (other !== undefined) issue(path, `${quote(email)} is already an address of contacts[${other[0]}]`);
      else {
        // Registered even when it collides with the team, so later references don't pile up errors.
        if (team.contactEmails.has(email)) issue(path, `${quote(email)} already belongs to a contact of this team`);
        contacts.set(email, [i, c.account]);
      }
    });
  });
  const contactOnAccount = (path: string, email: string | null, account: string) => {
    if (email === null) return;
    const found = contacts.get(email);
    if (found === undefined) issue(path, `no contact with email ${quote(email)}`);
    else if (found[1] !== account) issue(path, `${quote(email)} is a contact of account ${quote(found[1])}, not ${quote(account)}`);
  };

  // Ref → [index, account ref, whether that account exists] (an unknown one is reported once).
  const interactions = new Map<string, [number, string, boolean]>();
  bundle.interactions.forEach((it, i) => {
    const path = `interactions[${i}]`;
    const known = accountExists(`${path}.account`, it.account);
    if (it.ref !== undefined) {
      const seen = interactions.get(it.ref);
      if (seen !== undefined) issue(`${path}.ref`, `${quote(it.ref)} is already the ref of interactions[${seen[0]}]`);
      else interactions.set(it.ref, [i, it.account, known]);
    }
    userExists(`${path}.author`, it.author);
    if (known) it.contacts.forEach((email, j) => contactOnAccount(`${path}.contacts[${j}]`, email, it.account));
  });

  bundle.commitments.forEach((c, i) => {
    const path = `commitments[${i}]`;
    const known = accountExists(`${path}.account`, c.account);
    if (known) contactOnAccount(`${path}.contact`, c.contact, c.account);
    userExists(`${path}.owner`, c.owner);
    if (c.status === 'open' && c.completedAt !== null) issue(`${path}.completedAt`, 'an open commitment has no completion time');
    if (c.source !== null) {
      const source = interactions.get(c.source);
      if (source === undefined) issue(`${path}.source`, `no interaction with ref ${quote(c.source)}`);
      else if (known && source[2] && source[1] !== c.account) issue(`${path}.source`, `interactions[${source[0]}] is on account ${quote(source[1])}, not ${quote(c.account)}`);
    }
  });
  return issues;
}
