import { findAll, findFirst, outermost } from '../mail/outlook/query';
import { rowSendersOf, type RowSender } from '../mail/outlook/row-senders';
import { conversationOf, messageListOf, readingPaneOf } from '../mail/outlook/scope';
import { OUTLOOK_SELECTORS as S } from '../mail/outlook/selectors';
import type { LookupItem } from '../messaging/protocol';
import type { BadgePlacement } from './place-badges';
import { marksForSenders } from './row-marks';

/**
 * The sender elements of every row of Outlook's message list, in row order (one query for the
 * rows, one per row for its senders). Badges are placed right before these elements.
 */
export function outlookRowSenders(doc: Document): RowSender[][] {
  const list = messageListOf(doc);
  return list ? findAll(list, S.listRow).map(rowSendersOf) : [];
}

/**
 * The badges the list should carry with the answers known now: per row, one per client account
 * to watch or at risk, right before the first of its people the row shows.
 */
export function outlookBadgePlacements(doc: Document, answer: (email: string) => LookupItem | undefined): BadgePlacement[] {
  const placements: BadgePlacement[] = [];
  for (const senders of outlookRowSenders(doc)) {
    for (const mark of marksForSenders(senders.map((s) => s.person), answer)) {
      const anchor = senders.find((s) => s.person.email === mark.email)?.el;
      if (anchor) placements.push({ anchor, mark });
    }
  }
  return placements;
}

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
