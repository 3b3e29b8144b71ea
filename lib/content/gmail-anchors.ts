import { findAll, findFirst } from '../mail/gmail/query';
import { threadContainerOf } from '../mail/gmail/scope';
import { GMAIL_SELECTORS as S } from '../mail/gmail/selectors';
import { toAddress } from '../mail/participants';
import type { Participant } from '../mail/types';

/** One list row's sender elements, by address, in row order; the row element groups them. */
export interface RowSenders {
  row: Element;
  senders: { el: Element; person: Participant }[];
}

/**
 * The sender elements of every row under the list bodies, found with the selector table's
 * `rowSender` entry (one query per body). Badges are placed before these elements.
 */
export function rowSenderElements(bodies: readonly Element[]): RowSenders[] {
  const byRow = new Map<Element, RowSenders>();
  for (const body of bodies) {
    const attr = S.rowSender.fallbacks.find(({ css }) => safeQuery(body, css))?.attr ?? 'email';
    for (const el of findAll(body, S.rowSender)) {
      const email = toAddress(el.getAttribute(attr));
      const row = el.closest('tr');
      if (!email || !row) continue;
      let entry = byRow.get(row);
      if (!entry) byRow.set(row, (entry = { row, senders: [] }));
      entry.senders.push({ el, person: { name: el.getAttribute('name') ?? '', email } });
    }
  }
  return [...byRow.values()];
}

/** Where the banner goes in the open thread: right before its list of messages. */
export function bannerSpot(doc: Document): Element | null {
  const container = threadContainerOf(doc);
  if (!container) return null;
  const first = findFirst(container, S.messageItem);
  return first?.parentElement ?? null;
}

/**
 * The text of the open thread's expanded messages, for the sidebar's "include text". Gmail's
 * body element (`.a3s`) inside each expanded message; the whole message when there is none.
 */
export function openMessagesText(doc: Document): string {
  const container = threadContainerOf(doc);
  if (!container) return '';
  return findAll(container, S.messageItem)
    .filter((item) => S.messageExpanded.fallbacks.some(({ css }) => item.matches(css)))
    .map((item) => (item.querySelector('.a3s') ?? item).textContent?.replace(/\s+\n/g, '\n').trim() ?? '')
    .filter(Boolean)
    .join('\n\n');
}

function safeQuery(root: ParentNode, css: string): boolean {
  try {
    return root.querySelector(css) !== null;
  } catch {
    return false;
  }
}
