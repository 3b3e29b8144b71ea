import { findAllOf, findFirst, matchesAny, outermost } from '../query';
import { OUTLOOK_SELECTORS as S } from './selectors';

/**
 * Where a read starts. Callers hand in the whole document (first load, tests) or a container the
 * watcher already found; both must give the same answer.
 */
function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

/** The reading pane: `root` itself, or the pane within it. */
export function readingPaneOf(root: ParentNode): Element | null {
  if (isElement(root) && (matchesAny(root, S.readingPane) || matchesAny(root, S.conversation))) return root;
  return findFirst(root, S.readingPane);
}

/** The open conversation (or single item) within the pane, or the pane itself. */
export function conversationOf(pane: Element): Element | null {
  if (matchesAny(pane, S.conversation)) return pane;
  return findFirst(pane, S.conversation);
}

/**
 * The messages of the open conversation, in page order. A fallback counts only where what it
 * finds holds a sender or a date (the live page's grandchildren of the conversation include other
 * blocks; a list item can be an attachment). A read view of one item without any of them is that
 * one message itself.
 */
export function messageItemsOf(conversation: Element): Element[] {
  for (const { css } of S.messageItem.fallbacks) {
    const items = outermost(findAllOf(conversation, css)).filter(isMessage);
    if (items.length > 0) return items;
  }
  return isMessage(conversation) ? [conversation] : [];
}

function isMessage(el: Element): boolean {
  return findFirst(el, S.messageSender) !== null || findFirst(el, S.sentTime) !== null;
}

/** The message list: `root` itself, or the list within it. */
export function messageListOf(root: ParentNode): Element | null {
  if (isElement(root) && matchesAny(root, S.messageList)) return root;
  return findFirst(root, S.messageList);
}

/**
 * The document a node belongs to. The selected row lives in the list, outside the pane, so a
 * read that starts at the pane looks it up from there.
 */
export function documentOf(root: ParentNode): ParentNode {
  return (root as Node).ownerDocument ?? root;
}

/** The URL of the document `root` belongs to; `''` for a node outside any document. */
export function documentUrl(root: ParentNode): string {
  const doc = documentOf(root);
  return (doc as Node).nodeType === 9 ? (doc as Document).URL : '';
}
