import { addressIn, cleanText } from './address';
import { findFirst } from '../query';
import type { OutlookRoute } from './routes';
import { OUTLOOK_SELECTORS as S } from './selectors';

/** The end of the live folder tree's mailbox node id: `primaryMailboxRoot_<address>`. */
const MAILBOX_ROOT_ID = /^primaryMailboxRoot_(.+)$/;

/**
 * The addresses that are the user's own on this page, so the readers leave them out of a
 * thread's outside people without asking the background: the signed-in mailbox and a shared
 * mailbox open in the URL (`/mail/<shared@…>/…`). The live pages carry the signed-in address in
 * the account manager button's label (2025: the folder tree's top node is only titled, in the UI's
 * language) or in the id of the folder tree's mailbox node (2024); the captured outlook.live.com
 * page of 2025 has it in neither, only in the tooltip of the mail app's icon in the app rail;
 * older layouts put it in the top node's tooltip. Only an address is ever taken from a label, never its words. Empty rather
 * than a guess; never throws.
 */
export function readOwnAddresses(doc: Document, route: OutlookRoute | null): string[] {
  const found = new Set<string>();
  const add = (address: string | null) => address && found.add(address);
  try {
    add(addressIn(findFirst(doc, S.accountButton)?.getAttribute('aria-label')));
    add(addressIn(MAILBOX_ROOT_ID.exec(findFirst(doc, S.mailboxRoot)?.id ?? '')?.[1]));
    add(addressIn(findFirst(doc, S.accountRoot)?.getAttribute('title')));
    add(addressIn(findFirst(doc, S.appRailAccount)?.getAttribute('title')));
  } catch {
    // A page we cannot query has no address to give.
  }
  add(route?.mailbox.includes('@') ? addressIn(route.mailbox) : null);
  return [...found];
}

/**
 * The signed-in user's display name, as the account button shows it (its text, not its label,
 * whose words are translated); `null` when the page shows none. Outlook writes the user among the
 * recipients by this name only (the captured page: aria-label "<name>", text "You" translated), so
 * it is how the readers tell the user apart from people shown by name only.
 */
export function readOwnName(doc: ParentNode): string | null {
  try {
    return cleanText(findFirst(doc, S.accountName)?.textContent) || null;
  } catch {
    return null;
  }
}
