import { findAll, findFirst, matchesAny } from '../mail/query';
import { threadContainerOf } from '../mail/gmail/scope';
import { GMAIL_SELECTORS as S } from '../mail/gmail/selectors';

/** Where the banner goes in the open thread: right before its list of messages. */
export function bannerSpot(doc: Document): Element | null {
  const container = threadContainerOf(doc);
  if (!container) return null;
  const first = findFirst(container, S.messageItem);
  return first?.parentElement ?? null;
}

/**
 * The text of the open thread's expanded messages, for the sidebar's "include text". Gmail's
 * body element (the table's `messageBody`) inside each expanded message; the whole message when there is none.
 */
export function openMessagesText(doc: Document): string {
  const container = threadContainerOf(doc);
  if (!container) return '';
  return findAll(container, S.messageItem)
    .filter((item) => matchesAny(item, S.messageExpanded))
    .map((item) => (findFirst(item, S.messageBody) ?? item).textContent?.replace(/\s+\n/g, '\n').trim() ?? '')
    .filter(Boolean)
    .join('\n\n');
}
