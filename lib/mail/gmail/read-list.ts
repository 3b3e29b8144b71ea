import { makeIsOurs, uniqueByEmail } from '../participants';
import type { ListRow, Participant, ReaderOptions, ReadResult } from '../types';
import { notRecognised, recognised } from '../types';
import { personFrom } from './people';
import { cleanId, findAll, matchesAny, readAttr } from './query';
import { listBodiesOf, mainOf } from './scope';
import { GMAIL_SELECTORS as S } from './selectors';

/**
 * Reads every conversation row of the message list(s) under `root`. Never throws. An empty list
 * is a valid answer; a list whose rows carry neither ids nor senders is not-recognised.
 */
export function readListRows(root: ParentNode, opts: ReaderOptions): ReadResult<ListRow[]> {
  try {
    return readOrFail(root, opts);
  } catch {
    return notRecognised(['list']);
  }
}

function readOrFail(root: ParentNode, opts: ReaderOptions): ReadResult<ListRow[]> {
  const bodies = listBodiesOf(root);
  if (bodies.length === 0) return notRecognised(mainOf(root) ? [S.listBody.name] : [S.main.name, S.listBody.name]);
  const rows = bodies.flatMap((body) => findAll(body, S.listRow));
  // Empty only when the body has no rows at all; rows Gmail renamed are not an empty inbox.
  if (rows.length === 0) return bodies.some((b) => b.querySelector('tr')) ? notRecognised([S.listRow.name]) : recognised([]);

  const isOurs = makeIsOurs(opts);
  const out: ListRow[] = [];
  let anySender = false;
  for (const row of rows) {
    const group = rowGroup(row);
    const people = senders(group);
    if (people.length > 0) anySender = true;
    const rawId = readAttr(group, S.rowThreadId);
    // A row without an id cannot be matched to a thread later, so it is skipped, not invented.
    if (!rawId) continue;
    out.push({ threadId: cleanId(rawId), senders: uniqueByEmail(people.filter((p) => !isOurs(p.email))) });
  }
  const failed = [...(out.length === 0 ? [S.rowThreadId.name] : []), ...(anySender ? [] : [S.rowSender.name])];
  return failed.length > 0 ? notRecognised(failed) : recognised(out);
}

/**
 * The rows of one conversation. With the reading pane on the right Gmail draws each conversation
 * as two or three table rows (sender and date, then subject, then labels); only the first is a
 * `tr.zA`, and the thread id sits in the second.
 */
function rowGroup(first: Element): Element[] {
  const group = [first];
  let next = first.nextElementSibling;
  while (next && !matchesAny(next, S.listRow)) {
    group.push(next);
    next = next.nextElementSibling;
  }
  return group;
}

function senders(group: readonly Element[]): Participant[] {
  for (const { css, attr } of S.rowSender.fallbacks) {
    const found = group.flatMap((el) => safeAllWithin(el, css));
    if (found.length === 0) continue;
    return found.map((el) => personFrom(el, attr ?? 'email')).filter((p): p is Participant => p !== null);
  }
  return [];
}

function safeAllWithin(el: Element, css: string): Element[] {
  try {
    return Array.from(el.querySelectorAll(css));
  } catch {
    return [];
  }
}
