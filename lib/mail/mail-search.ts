import { accountIndex } from './gmail/routes';
import { parseOutlookUrl } from './outlook/routes';
import type { MailSite } from './types';

/** The longest query handed to a mail site's search: a client's domains and addresses, not a document. */
export const MAIL_QUERY_MAX = 500;

/**
 * Where the mail site runs its own search for `query`, from the page's current URL (so the same
 * account or mailbox stays open), or null when `current` is not the site's mail app or the query
 * is empty. Gmail searches from the hash (`#search/<query>`), which it follows without reloading;
 * Outlook on the web from its search deep link (`/mail/deeplink/search?query=`), which it routes
 * itself. Both words-free: nothing depends on the pages' labels. Each site's own function is what
 * its adapter gives the content script, so a script carries only its own site's routes.
 */
export function mailSearchUrl(site: MailSite, current: string, query: string): string | null {
  return site === 'gmail' ? gmailSearchUrl(current, query) : outlookSearchUrl(current, query);
}

const cut = (query: string) => query.trim().slice(0, MAIL_QUERY_MAX);

export function gmailSearchUrl(current: string, query: string): string | null {
  const q = cut(query);
  if (q === '' || accountIndex(current) === null) return null;
  // Only the hash changes: Gmail shows the results without reloading the page.
  const url = new URL(current);
  url.hash = `#search/${encodeURIComponent(q)}`;
  return url.href;
}

export function outlookSearchUrl(current: string, query: string): string | null {
  const q = cut(query);
  const route = q === '' ? null : parseOutlookUrl(current);
  if (!route) return null;
  const mailbox = route.mailbox ? `${encodeURIComponent(route.mailbox)}/` : '';
  return `${new URL(current).origin}/mail/${mailbox}deeplink/search?query=${encodeURIComponent(q)}`;
}
