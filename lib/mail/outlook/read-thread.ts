import { makeIsOurs, uniqueByEmail } from '../participants';
import type { Participant, ReaderOptions, ReadResult } from '../types';
import { neverThrows, notRecognised, recognised } from '../types';
import { cleanText } from './address';
import { findFirst, readAttr } from '../query';
import { readOwnName } from './read-account';
import { readMessage } from './read-message';
import { openItemId, parseOutlookUrl } from './routes';
import { conversationOf, documentOf, documentUrl, messageItemsOf, readingPaneOf } from './scope';
import { OUTLOOK_SELECTORS as S } from './selectors';
import type { NameOnlyParticipant, OutlookThreadContext, OutlookThreadMessage } from './types';
import { hasAddress } from './types';

export interface OutlookReaderOptions extends ReaderOptions {
  /** The page's URL, for the item id when no list row is selected (full-page reading, deep links). */
  url?: string;
}

/**
 * Reads the conversation open in Outlook's reading pane (or full-page read view) under `root`:
 * the document, the pane, or the conversation container. Never throws; when the page is not the
 * layout the selector table knows, answers not-recognised with the entries that found nothing.
 */
export const readThread: (root: ParentNode, opts: OutlookReaderOptions) => ReadResult<OutlookThreadContext> = neverThrows('thread', readOrFail);

function readOrFail(root: ParentNode, opts: OutlookReaderOptions): ReadResult<OutlookThreadContext> {
  const pane = readingPaneOf(root);
  if (!pane) return notRecognised([S.readingPane.name]);
  const conversation = conversationOf(pane);
  if (!conversation) return notRecognised([S.conversation.name]);
  const subjectEl = findFirst(pane, S.subject);
  if (!subjectEl) return notRecognised([S.subject.name]);
  const items = messageItemsOf(conversation);
  if (items.length === 0) return notRecognised([S.messageItem.name]);

  const messages: OutlookThreadMessage[] = [];
  const failed = new Set<string>();
  for (const item of items) {
    const read = readMessage(item);
    if (read.ok) messages.push(read.message);
    else read.failed.forEach((name) => failed.add(name));
  }
  // A stub without a sender is skipped; a recipient line we cannot split means the layout moved.
  if (messages.length === 0 || failed.has(S.persona.name)) return notRecognised([...failed]);

  const threadId = threadIdOf(root, conversation, opts.url);
  if (!threadId) return notRecognised([S.selectedRow.name, S.conversationId.name]);

  const isOurs = makeIsOurs(opts);
  const ownName = readOwnName(documentOf(root));
  const everyone = messages.flatMap((m) => [m.from, ...m.to, ...m.cc]);
  const addressed: Participant[] = everyone.filter(hasAddress);
  return recognised({
    site: 'outlook',
    threadId,
    // The tooltip holds the whole subject when the heading's text is cut short.
    subject: cleanText(subjectEl.getAttribute('title')) || cleanText(subjectEl.textContent),
    messages,
    participants: uniqueByEmail(addressed.filter((p) => !isOurs(p.email))),
    // The user, where Outlook writes them by name only (as a recipient), is not someone to look up.
    nameOnly: uniqueByName(everyone.filter((p): p is NameOnlyParticipant => !hasAddress(p) && !isOwnName(p.name, ownName))),
  });
}

const CONV_SUBJECT_ID = /^CONV_(.+)_SUBJECT$/;

/**
 * The conversation's id, from the source list rows also use, so a thread and its row agree: the
 * selected row's `data-convid`; else the item in the URL (full-page reading, deep links); else an
 * id the pane itself carries.
 */
function threadIdOf(root: ParentNode, conversation: Element, url: string | undefined): string | null {
  const selected = findFirst(documentOf(root), S.selectedRow);
  const fromRow = selected ? readAttr([selected], S.selectedRow) : null;
  if (fromRow) return fromRow;
  const fromUrl = openItemId(parseOutlookUrl(url ?? documentUrl(root)));
  if (fromUrl) return fromUrl;
  const fromPane = readAttr([conversation], S.conversationId);
  return fromPane ? (CONV_SUBJECT_ID.exec(fromPane)?.[1] ?? fromPane) : null;
}

function isOwnName(name: string, own: string | null): boolean {
  return own !== null && name.toLocaleLowerCase() === own.toLocaleLowerCase();
}

function uniqueByName(people: readonly NameOnlyParticipant[]): NameOnlyParticipant[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.name.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
