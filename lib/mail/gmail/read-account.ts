import { toAddress } from '../participants';
import { findFirst } from '../query';
import { GMAIL_SELECTORS as S } from './selectors';

const ADDRESS_IN_TEXT = /[^\s()<>,;:"']+@[^\s()<>,;:"']+\.[^\s()<>,;:"']+/g;

/** The one address in a piece of text, or `null` when there is none or more than one. */
function onlyAddress(text: string | null | undefined): string | null {
  const found = new Set((text ?? '').match(ADDRESS_IN_TEXT)?.map((m) => toAddress(m)).filter((a): a is string => a !== null));
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/**
 * The signed-in user's address, so the content script can leave it out of participants without
 * asking. Read from the account button's label ("Google Account: Me (me@…)", worded in the UI's
 * language), else from the tab title ("Inbox - me@… - Gmail"). `null` rather than a guess.
 */
export function readOwnAddress(doc: Document): string | null {
  try {
    const button = findFirst(doc, S.accountButton);
    return onlyAddress(button?.getAttribute('aria-label')) ?? onlyAddress(doc.title);
  } catch {
    return null;
  }
}
