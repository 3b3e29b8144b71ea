import type { ReaderOptions, ReadResult } from '../types';
import { notRecognised } from '../types';
import { createListRows } from './list-rows';
import { messageListOf } from './scope';
import { OUTLOOK_SELECTORS as S } from './selectors';
import type { OutlookListRow } from './types';

/**
 * Reads the rows of Outlook's message list under `root` (the document or the list). Each row
 * gives its conversation id and the outside senders it shows, for inline badges. Outlook renders
 * only the rows in view, so this is the visible slice. Never throws; an empty list is an empty
 * folder, but a page without a list is not-recognised. The watcher keeps the same reading row by
 * row (`createListRows`), so both answer alike.
 */
export function readListRows(root: ParentNode, opts: ReaderOptions): ReadResult<OutlookListRow[]> {
  try {
    const list = messageListOf(root);
    if (!list) return notRecognised([S.messageList.name]);
    const rows = createListRows();
    rows.reset(list);
    return rows.result(opts);
  } catch {
    return notRecognised(['list']);
  }
}
