import { findFirst, matchesAny } from '../query';
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
