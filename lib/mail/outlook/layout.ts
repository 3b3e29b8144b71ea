import type { PaneSetting } from './routes';
import { findFirst } from '../query';
import { messageListOf } from './scope';
import { OUTLOOK_SELECTORS as S } from './selectors';

/** The box of an element on screen, as `getBoundingClientRect` gives it. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Measure = (el: Element) => Box;

const byBrowser: Measure = (el) => el.getBoundingClientRect();

/**
 * Where the reading pane sits, from the boxes of the list and the pane. Outlook marks the
 * setting with generated class names only, so the page's geometry is the dependable signal.
 * `null` when the boxes do not say (one is not laid out, or they overlap).
 */
export function paneSettingFromBoxes(list: Box, pane: Box): PaneSetting | null {
  if (list.width <= 0 || list.height <= 0 || pane.width <= 0 || pane.height <= 0) return null;
  // A pixel of slack: borders and sub-pixel layout make touching boxes overlap slightly.
  if (pane.left >= list.left + list.width - 1) return 'right';
  // Below, the listbox may reach under the pane (it is as tall as its rows, the scroller is
  // its parent), so "starts lower than the list" is the test, not "starts after its end".
  const overlapsHorizontally = pane.left < list.left + list.width && pane.left + pane.width > list.left;
  if (overlapsHorizontally && pane.top > list.top + 1) return 'bottom';
  return null;
}

/**
 * Reads the reading-pane setting from the page under `root`. With the pane hidden Outlook shows
 * either the list or the message, never both; with it on, an empty pane stays beside the list.
 * `null` while the page shows neither (still loading, or not a layout we know). Never throws.
 */
export function readPaneSetting(root: ParentNode, measure: Measure = byBrowser): PaneSetting | null {
  try {
    const list = messageListOf(root);
    const pane = findFirst(root, S.readingPane);
    if (list && pane) return paneSettingFromBoxes(measure(list), measure(pane));
    return list || pane ? 'hidden' : null;
  } catch {
    return null;
  }
}
