import { messageListOf, readingPaneOf } from '../mail/outlook/scope';
import type { PageRoom } from './sidebar-frame';

/**
 * Room for the sidebar in Outlook on the web: the panel is fixed on the right from the reading
 * pane's top, and the part of the page holding the reading pane and the message list (the
 * nearest element containing both; the pane alone when the list is hidden) gets a right margin of
 * the same width, so with the pane on the right, at the bottom or hidden, the message and the list
 * reflow beside the panel instead of under it. Outlook's class names are generated, so the
 * element is found from the selector table's pane and list, never by class. The margin the page
 * had before is put back on release.
 */
export function outlookRoom(doc: Document): PageRoom {
  let target: HTMLElement | null = null;
  let before: { value: string; priority: string } | null = null;

  function release(): void {
    if (target && before) {
      if (before.value) target.style.setProperty('margin-right', before.value, before.priority);
      else target.style.removeProperty('margin-right');
    }
    target = null;
    before = null;
  }

  return {
    reserve(width) {
      const next = mailArea(doc);
      if (next !== target) {
        release();
        if (!next) return;
        target = next;
        before = { value: next.style.getPropertyValue('margin-right'), priority: next.style.getPropertyPriority('margin-right') };
      }
      if (target && target.style.getPropertyValue('margin-right') !== `${width}px`) target.style.setProperty('margin-right', `${width}px`, 'important');
    },
    release,
    top() {
      const pane = readingPaneOf(doc);
      return pane ? pane.getBoundingClientRect().top : 0;
    },
  };
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
