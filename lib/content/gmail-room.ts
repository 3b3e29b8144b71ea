import { closestOf, findFirst } from '../mail/query';
import { GMAIL_SELECTORS as S } from '../mail/gmail/selectors';
import { marginRoom } from './margin-room';
import type { PageRoom } from './sidebar-frame';

/**
 * Room for the sidebar in Gmail: the content column holding `role=main` (`.bkK` in every layout
 * since 2018, else the main region itself) makes way; the top bar keeps its full width, since the
 * panel starts below it.
 */
export function gmailRoom(doc: Document): PageRoom {
  const column = (): HTMLElement | null => {
    const main = findFirst(doc, S.main);
    return ((main && closestOf(main, S.contentColumn)) ?? main) as HTMLElement | null;
  };
  return marginRoom(column, () => findFirst(doc, S.main)?.getBoundingClientRect().top ?? 0);
}
