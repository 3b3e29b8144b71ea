import type { ListRow, ReaderOptions, ReadResult } from '../types';
import { notRecognised } from '../types';
import { createListRows } from './list-rows';
import { listBodiesOf, mainOf } from './scope';
import { GMAIL_SELECTORS as S } from './selectors';

/**
 * Reads every conversation row of the message list(s) under `root`. Never throws. An empty list
 * is a valid answer; a list whose rows carry neither ids nor senders is not-recognised. The
 * watcher keeps the same reading row by row (`createListRows`), so both answer alike.
 */
export function readListRows(root: ParentNode, opts: ReaderOptions): ReadResult<ListRow[]> {
  try {
    const bodies = listBodiesOf(root);
    if (bodies.length === 0) return notRecognised(mainOf(root) ? [S.listBody.name] : [S.main.name, S.listBody.name]);
    const rows = createListRows();
    rows.reset(bodies);
    return rows.result(opts);
  } catch {
    return notRecognised(['list']);
  }
}
