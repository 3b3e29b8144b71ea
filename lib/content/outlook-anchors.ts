import { findAll, findFirst, outermost } from '../mail/query';
import { conversationOf, readingPaneOf } from '../mail/outlook/scope';
import { OUTLOOK_SELECTORS as S } from '../mail/outlook/selectors';

/**
 * Where the banner goes on the open message: right before the block holding the conversation's
 * messages (below the subject), in the pane's own scrolling area. `null` when nothing is open.
 */
export function outlookBannerSpot(doc: Document): Element | null {
  const pane = readingPaneOf(doc);
  const conversation = pane ? conversationOf(pane) : null;
  if (!conversation) return null;
  const [first] = outermost(findAll(conversation, S.messageItem));
  if (!first) return null;
  // An item straight inside the conversation (the deep-link read view): right before the item.
  const block = first.parentElement;
  return block && block !== conversation ? block : first;
}

/** The text of the open conversation's expanded messages, for the sidebar's "include text". */
export function outlookMessagesText(doc: Document): string {
  const pane = readingPaneOf(doc);
  const conversation = pane ? conversationOf(pane) : null;
  if (!conversation) return '';
  return outermost(findAll(conversation, S.messageItem))
    .map((item) => findFirst(item, S.messageBody)?.textContent?.replace(/\s+\n/g, '\n').trim() ?? '')
    .filter(Boolean)
    .join('\n\n');
}
