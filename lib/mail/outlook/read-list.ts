import { makeIsOurs, uniqueByEmail } from '../participants';
import type { ReaderOptions, ReadResult } from '../types';
import { notRecognised, recognised } from '../types';
import { findAll } from './query';
import { rowSendersOf, rowThreadId } from './row-senders';
import { messageListOf } from './scope';
import { OUTLOOK_SELECTORS as S } from './selectors';
import type { OutlookListRow } from './types';

/**
 * Reads the rows of Outlook's message list under `root` (the document or the list). Each row
 * gives its conversation id and the outside senders it shows, for inline badges. Outlook renders
 * only the rows in view, so this is the visible slice. Never throws; an empty list is an empty
 * folder, but a page without a list is not-recognised.
 */
export function readListRows(root: ParentNode, opts: ReaderOptions): ReadResult<OutlookListRow[]> {
  try {
    const list = messageListOf(root);
    if (!list) return notRecognised([S.messageList.name]);
    const isOurs = makeIsOurs(opts);
    const rows: OutlookListRow[] = [];
    for (const row of findAll(list, S.listRow)) {
      const threadId = rowThreadId(row);
      if (!threadId) continue;
      const senders = uniqueByEmail(rowSendersOf(row).map((s) => s.person).filter((p) => !isOurs(p.email)));
      rows.push({ threadId, senders, selected: row.getAttribute('aria-selected') === 'true' });
    }
    return recognised(rows);
  } catch {
    return notRecognised(['list']);
  }
}
