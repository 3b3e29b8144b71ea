import { AccountPatch, Domain, isFreeMailDomain } from '../api';

/** Why one typed domain can't be kept: not a domain name, an address (the domain is given), or free mail. */
export type DomainIssue =
  | { entry: string; reason: 'invalid' }
  | { entry: string; reason: 'address'; domain: string }
  | { entry: string; reason: 'free-mail' }
  /** An address at a free mail service: its domain is no client's either. */
  | { entry: string; reason: 'free-mail-address'; domain: string };

export type NameCheck = { name: string } | { error: 'required' } | { error: 'too-long'; max: number };
export type DomainsCheck = { domains: string[] } | { issues: DomainIssue[]; tooMany?: number };

/** The most domains an account holds, as the CRM's contract says, when `domains` are more. */
function domainsLimit(domains: string[]): number | null {
  const checked = AccountPatch.shape.domains.safeParse(domains);
  const issue = checked.success ? undefined : checked.error.issues.find((i) => i.code === 'too_big');
  return issue && 'maximum' in issue ? Number(issue.maximum) : null;
}

/** The name as the CRM keeps it (trimmed), or why it can't be one (with the CRM's own limit). */
export function checkName(text: string): NameCheck {
  const name = text.trim();
  if (name === '') return { error: 'required' };
  const checked = AccountPatch.shape.name.safeParse(name);
  if (checked.success) return { name };
  const issue = checked.error.issues.find((i) => i.code === 'too_big');
  return issue && 'maximum' in issue ? { error: 'too-long', max: Number(issue.maximum) } : { error: 'required' };
}

/** The domains as typed: one a line, or separated by commas, semicolons or spaces. */
export function domainEntries(text: string): string[] {
  return text.split(/[\s,;]+/).filter((entry) => entry !== '');
}

/**
 * The account's domains from what was typed, as the CRM keeps them: lower-case, without a
 * leading `@` or a web address's `https://` and `www.`, each once, in the order typed; or, for
 * each entry that is not a domain an account can hold, why (all of them, so every one can be
 * put right at once), and the limit when there are more than the CRM takes. An entry that is one
 * of `kept` (the domains the account has now) is taken as it is: editing another fact never
 * rewrites a domain the CRM accepted (`www.bank.example` stays), nor trips on one a newer rule refuses.
 */
export function checkDomains(text: string, kept: readonly string[] = []): DomainsCheck {
  const domains: string[] = [];
  const issues: DomainIssue[] = [];
  for (const entry of domainEntries(text)) {
    if (kept.includes(entry)) {
      if (!domains.includes(entry)) domains.push(entry);
      continue;
    }
    const at = entry.lastIndexOf('@');
    if (at > 0) {
      const domain = Domain.safeParse(entry.slice(at + 1));
      if (!domain.success) issues.push({ entry, reason: 'invalid' });
      else issues.push({ entry, reason: isFreeMailDomain(domain.data) ? 'free-mail-address' : 'address', domain: domain.data });
      continue;
    }
    const bare = entry.replace(/^[a-z]+:\/\//i, '').replace(/^www\./i, '').replace(/[/.]+$/, '');
    const parsed = Domain.safeParse(bare);
    if (!parsed.success) issues.push({ entry, reason: 'invalid' });
    else if (isFreeMailDomain(parsed.data)) issues.push({ entry, reason: 'free-mail' });
    else if (!domains.includes(parsed.data)) domains.push(parsed.data);
  }
  const max = domainsLimit(domains);
  if (max !== null) return { issues, tooMany: max };
  return issues.length > 0 ? { issues } : { domains };
}

/** Whether two sets of domains hold the same ones, in any order. */
export function sameDomains(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((d) => left.has(d));
}
