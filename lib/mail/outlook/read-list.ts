import { makeIsOurs, uniqueByEmail } from '../participants';
import type { Participant, ReaderOptions, ReadResult } from '../types';
import { notRecognised, recognised } from '../types';
import { cleanText, splitShown } from './address';
import { attrFor, findAll, outermost } from './query';
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
      const attr = attrFor(row, S.listRow);
      const threadId = attr ? row.getAttribute(attr)?.trim() : undefined;
      if (!threadId) continue;
      const senders = uniqueByEmail(sendersOf(row).filter((p) => !isOurs(p.email)));
      rows.push({ threadId, senders, selected: row.getAttribute('aria-selected') === 'true' });
    }
    return recognised(rows);
  } catch {
    return notRecognised(['list']);
  }
}

/**
 * A sender's tooltip is their address ("dewi@…" or "Dewi <dewi@…>"). Anything else with an `@`
 * in its tooltip (a subject that mentions an address) is not a sender.
 */
function sendersOf(row: Element): Participant[] {
  const people: Participant[] = [];
  for (const el of outermost(findAll(row, S.rowSender))) {
    const tip = splitShown(el.getAttribute(attrFor(el, S.rowSender) ?? 'title'));
    if (!tip.email) continue;
    const shown = cleanText(el.textContent);
    people.push({ name: shown && shown !== tip.email ? shown : tip.name, email: tip.email });
  }
  return people;
}
