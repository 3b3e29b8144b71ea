import { findAll, findFirst, matchesAny } from '../query';
import type { SelectorEntry } from '../selector-table';
import { GMAIL_SELECTORS as S } from './selectors';

/**
 * Where a read starts. Callers hand in either the whole document (the content script on first
 * load, the tests) or a container the watcher already found; both must give the same answer.
 */
function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

/** The live view: `root` itself when it is inside or is the main region, else the main region in it. */
export function mainOf(root: ParentNode): ParentNode | null {
  if (isElement(root) && (matchesAny(root, S.main) || insideAny(root, S.main))) return root;
  return findFirst(root, S.main);
}

export function insideAny(el: Element, entry: SelectorEntry): boolean {
  let parent = el.parentElement;
  while (parent) {
    if (matchesAny(parent, entry)) return true;
    parent = parent.parentElement;
  }
  return false;
}

/** The open thread's container within `root` (or `root` itself). */
export function threadContainerOf(root: ParentNode): Element | null {
  if (isElement(root) && matchesAny(root, S.threadContainer)) return root;
  const main = mainOf(root);
  return main ? findFirst(main, S.threadContainer) : null;
}

/**
 * The list bodies within `root` (or `root` itself). In the reading-pane layout the open thread
 * sits inside the list's `gh=tl` block, and its own tables must not count as list bodies.
 */
export function listBodiesOf(root: ParentNode): Element[] {
  if (isElement(root) && matchesAny(root, S.listBody) && !insideAny(root, S.threadContainer)) return [root];
  const main = mainOf(root);
  if (!main) return [];
  return findAll(main, S.listBody).filter((body) => !insideAny(body, S.threadContainer));
}
