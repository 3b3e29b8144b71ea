import { messageListOf, readingPaneOf } from '../mail/outlook/scope';
import { marginRoom } from './margin-room';
import type { PageRoom } from './sidebar-frame';

/**
 * Room for the sidebar in Outlook on the web: the panel is fixed on the right from the reading
 * pane's top, and the part of the page holding the reading pane and the message list (the
 * nearest element containing both; the pane alone when the list is hidden) gets a right margin of
 * the same width, so with the pane on the right, at the bottom or hidden, the message and the list
 * reflow beside the panel instead of under it. Outlook's class names are generated, so the
 * element is found from the selector table's pane and list, never by class.
 */
export function outlookRoom(doc: Document): PageRoom {
  return marginRoom(() => mailArea(doc), () => readingPaneOf(doc)?.getBoundingClientRect().top ?? 0);
}

/** The nearest element holding both the reading pane and the list; the pane alone without a list. */
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
