import { findFirst } from '../query';
import { conversationOf, messageItemsOf, messageListOf, readingPaneOf } from './scope';
import { OUTLOOK_SELECTORS as S } from './selectors';

/**
 * Where the banner goes on the open message: right before the block holding the conversation's
 * messages (below the subject), in the pane's own scrolling area. `null` when nothing is open.
 */
export function outlookBannerSpot(doc: Document): Element | null {
  const pane = readingPaneOf(doc);
  const conversation = pane ? conversationOf(pane) : null;
  if (!conversation) return null;
  const [first] = messageItemsOf(conversation);
  if (!first) return null;
  // The single item of a read view is the conversation itself: right at the start of it.
  if (first === conversation) return first.firstElementChild ?? first;
  // An item straight inside the conversation (the deep-link read view): right before the item.
  const block = first.parentElement;
  return block && block !== conversation ? block : first;
}

/** The text of the open conversation's expanded messages, for the sidebar's "include text". */
export function outlookMessagesText(doc: Document): string {
  const pane = readingPaneOf(doc);
  const conversation = pane ? conversationOf(pane) : null;
  if (!conversation) return '';
  return messageItemsOf(conversation)
    .map((item) => findFirst(item, S.messageBody)?.textContent?.replace(/\s+\n/g, '\n').trim() ?? '')
    .filter(Boolean)
    .join('\n\n');
}

/**
 * What makes room for the sidebar, which is fixed on the right from the reading pane's top: the
 * nearest element holding both the reading pane and the message list (the pane alone when the
 * list is hidden) gets a right margin of the panel's width, so with the pane on the right, at the
 * bottom or hidden, the message and the list reflow beside the panel instead of under it.
 * Outlook's class names are generated, so the element is found from the selector table's pane and
 * list, never by class.
 */
export function mailArea(doc: Document): HTMLElement | null {
  const pane = readingPaneOf(doc);
  if (!pane) return null;
  const list = messageListOf(doc);
  let area: Element | null = pane;
  while (list && area && !area.contains(list)) area = area.parentElement;
  const found = area ?? pane;
  // Never the whole page: margins on <body> or <html> would shift Outlook's own top bar too.
  return found === doc.body || found === doc.documentElement ? (pane as HTMLElement) : (found as HTMLElement);
}

/** Where the panel starts: the reading pane's top. */
export function panelTop(doc: Document): number {
  return readingPaneOf(doc)?.getBoundingClientRect().top ?? 0;
}
