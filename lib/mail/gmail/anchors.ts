import { closestOf, findAll, findFirst, matchesAny } from '../query';
import { threadContainerOf } from './scope';
import { GMAIL_SELECTORS as S } from './selectors';

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

/**
 * What makes room for the sidebar: the content column holding `role=main` (the table's
 * `contentColumn`, in every layout since 2018; else the main region itself). The top bar keeps
 * its full width, since the panel starts below it.
 */
export function contentColumn(doc: Document): HTMLElement | null {
  const main = findFirst(doc, S.main);
  return ((main && closestOf(main, S.contentColumn)) ?? main) as HTMLElement | null;
}

/** Where the panel starts: the main region's top, below Gmail's top bar. */
export function panelTop(doc: Document): number {
  return findFirst(doc, S.main)?.getBoundingClientRect().top ?? 0;
}
