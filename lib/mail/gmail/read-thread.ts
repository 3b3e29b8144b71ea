import { makeIsOurs, uniqueByEmail } from '../participants';
import type { Participant, ReaderOptions, ReadResult, ThreadContext, ThreadMessage } from '../types';
import { neverThrows, notRecognised, recognised } from '../types';
import { personFrom } from './people';
import { findAll, findFirst, readAttr, safeMatches } from '../query';
import { cleanId } from './clean-id';
import { splitRecipients } from './recipients';
import { mainOf, threadContainerOf } from './scope';
import { GMAIL_SELECTORS as S } from './selectors';

/**
 * Reads the open Gmail thread under `root` (the document, the main region or the thread
 * container). Never throws; when the layout is not the one the selector table knows it answers
 * not-recognised with the names of the entries that found nothing.
 */
export const readThread: (root: ParentNode, opts: ReaderOptions) => ReadResult<ThreadContext> = neverThrows('thread', readOrFail);

function readOrFail(root: ParentNode, opts: ReaderOptions): ReadResult<ThreadContext> {
  const container = threadContainerOf(root);
  if (!container) return notRecognised(mainOf(root) ? [S.threadContainer.name] : [S.main.name, S.threadContainer.name]);
  const subjectEl = findFirst(container, S.threadSubject);
  if (!subjectEl) return notRecognised([S.threadSubject.name]);
  const rawId = readAttr([subjectEl, container], S.threadId);
  if (!rawId) return notRecognised([S.threadId.name]);
  const items = findAll(container, S.messageItem);
  if (items.length === 0) return notRecognised([S.messageItem.name]);

  // A message whose sender is not in the page (Gmail's "3 older messages" placeholders) is left
  // out rather than filled in.
  const read = items.map(readMessage).filter((m): m is ReadMessage => m !== null);
  if (read.length === 0) return notRecognised([S.messageSender.name]);
  // Renamed state or recipient markers would otherwise read as "all collapsed, nobody copied".
  if (read.every((m) => m.state === null)) return notRecognised([S.messageExpanded.name]);
  const expanded = read.filter((m) => m.state === true);
  if (expanded.length > 0 && expanded.every((m) => !m.hasLine)) return notRecognised([S.recipientLine.name]);
  const messages = read.map((m) => m.message);

  const isOurs = makeIsOurs(opts);
  const everyone: Participant[] = messages.flatMap((m) => [m.from, ...m.to, ...m.cc]);
  return recognised({
    site: 'gmail',
    threadId: cleanId(rawId),
    subject: subjectText(subjectEl),
    messages,
    participants: uniqueByEmail(everyone.filter((p) => !isOurs(p.email))),
  });
}

interface ReadMessage {
  message: ThreadMessage;
  /** `null`: the item carries no known expanded or collapsed marker. */
  state: boolean | null;
  hasLine: boolean;
}

function readMessage(item: Element): ReadMessage | null {
  const senderEl = findFirst(item, S.messageSender);
  const attr = S.messageSender.fallbacks.find(({ css }) => senderEl && safeMatches(senderEl, css))?.attr ?? 'email';
  const from = senderEl ? personFrom(senderEl, attr) : null;
  if (!from) return null;
  const line = findFirst(item, S.recipientLine);
  const { to, cc } = line ? splitRecipients(line) : { to: [], cc: [] };
  const rawId = readAttr([item], S.messageId);
  const state = expansionOf(item);
  const message = { ...(rawId ? { messageId: cleanId(rawId) } : {}), from, to, cc, expanded: state === true, sentText: sentTextOf(item) };
  return { message, state, hasLine: line !== null };
}

/** The date element's title (the full date), then its text, each once; `[]` when none is shown. */
function sentTextOf(item: Element): string[] {
  const el = findFirst(item, S.messageDate);
  if (!el) return [];
  const texts = [el.getAttribute('title'), el.textContent].map((t) => (t ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return [...new Set(texts)];
}

/** Expanded and collapsed markers are paired by level: the first level that decides, decides. */
function expansionOf(item: Element): boolean | null {
  const levels = Math.max(S.messageExpanded.fallbacks.length, S.messageCollapsed.fallbacks.length);
  for (let i = 0; i < levels; i++) {
    const open = S.messageExpanded.fallbacks[i];
    const closed = S.messageCollapsed.fallbacks[i];
    if (open && safeMatches(item, open.css)) return true;
    if (closed && safeMatches(item, closed.css)) return false;
  }
  return null;
}

/** The subject as shown; Gmail draws emoji as images whose alt text is the emoji. */
function subjectText(el: Element): string {
  let text = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      text += child.tagName === 'IMG' ? (child.getAttribute('data-emoji') ?? child.getAttribute('alt') ?? '') : subjectText(child);
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}
