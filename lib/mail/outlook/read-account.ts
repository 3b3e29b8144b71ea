import { addressIn } from './address';
import { attrFor, findFirst } from '../query';
import type { OutlookRoute } from './routes';
import { OUTLOOK_SELECTORS as S } from './selectors';

/**
 * The addresses that are the user's own on this page, so the readers leave them out of a
 * thread's outside people without asking the background: the signed-in mailbox (the folder
 * tree's top node, whose tooltip is its address) and a shared mailbox open in the URL
 * (`/mail/<shared@…>/…`). Outlook's account button shows a name only, so it is not read.
 * Empty rather than a guess; never throws.
 */
export function readOwnAddresses(doc: Document, route: OutlookRoute | null): string[] {
  const found = new Set<string>();
  try {
    const root = findFirst(doc, S.accountRoot);
    const own = root ? addressIn(root.getAttribute(attrFor(root, S.accountRoot) ?? 'title')) : null;
    if (own) found.add(own);
  } catch {
    // A page we cannot query has no address to give.
  }
  const shared = route?.mailbox.includes('@') ? addressIn(route.mailbox) : null;
  if (shared) found.add(shared);
  return [...found];
}
