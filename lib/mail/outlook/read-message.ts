import { personaFrom, labelName } from './people';
import { attrFor, findAll, findAllOf, findFirst, outermost } from '../query';
import { cleanText } from './address';
import { splitWells } from './recipient-well';
import { OUTLOOK_SELECTORS as S } from './selectors';
import type { OutlookParticipant, OutlookThreadMessage } from './types';

/** One message, or the names of the selector entries that found nothing in it. */
export type MessageRead = { ok: true; message: OutlookThreadMessage } | { ok: false; failed: string[] };

const SENDER_ID = /^MSG_(.+)_FROM$/;

/**
 * Reads one message item. A message is expanded when its body is on the page; only expanded
 * messages list recipients. An item with no sender is not a message Outlook drew fully (a "see
 * more messages" stub) and is reported as such, never filled in. `sentText` holds the header's
 * own words for when it was sent (its tooltip first, when it has one, then its text).
 */
export function readMessage(item: Element): MessageRead {
  const sender = senderOf(item);
  if (!sender) return { ok: false, failed: [S.messageSender.name] };

  const recipients = recipientsOf(item);
  if (recipients === null) return { ok: false, failed: [S.persona.name] };

  const idAttr = attrFor(sender.el, S.messageSender);
  const messageId = idAttr ? SENDER_ID.exec(sender.el.getAttribute(idAttr) ?? '')?.[1] : undefined;
  return {
    ok: true,
    message: {
      ...(messageId ? { messageId } : {}),
      from: sender.person,
      to: recipients.to,
      cc: recipients.cc,
      expanded: findFirst(item, S.messageBody) !== null,
      sentText: sentTextOf(item),
    },
  };
}

/**
 * The sender. On the live page, a persona-card target outside the recipient well: the one whose
 * text shows an address ("Name<address>"), else the one whose aria-label names someone after a
 * colon, else the first (a picture's target comes with the name's). On older headers, the first
 * person of the sender block.
 */
function senderOf(item: Element): { el: Element; person: OutlookParticipant } | null {
  const wells = findAll(item, S.recipientWell);
  const [live, ...older] = S.messageSender.fallbacks;
  const targets = live ? findAllOf(item, live.css).filter((el) => !wells.some((w) => w.contains(el))) : [];
  if (targets.length > 0) {
    const read = targets.map((el) => ({ el, person: personaFrom(el) })).filter((r): r is { el: Element; person: OutlookParticipant } => r.person !== null);
    return read.find((r) => r.person.email !== null) ?? read.find((r) => labelName(r.el) !== '') ?? read[0] ?? null;
  }
  for (const { css } of older) {
    const block = findAllOf(item, css)[0];
    const person = block ? firstPerson(block) : null;
    if (block && person) return { el: block, person };
    if (block) return null;
  }
  return null;
}

/** The sender block holds one person; some builds wrap it in a persona, some do not. */
function firstPerson(block: Element): OutlookParticipant | null {
  const [persona] = outermost(findAll(block, S.persona));
  return (persona ? personaFrom(persona) : null) ?? personaFrom(block);
}

/**
 * To and Cc: from the live page's recipient well, else from the older header's To and Cc lines.
 * Both empty for a collapsed message; `null` when recipients are drawn but no person in them is
 * recognised (their labels are translated text, so the text alone cannot be split safely).
 */
function recipientsOf(item: Element): { to: OutlookParticipant[]; cc: OutlookParticipant[] } | null {
  const wells = outermost(findAll(item, S.recipientWell));
  if (wells.length > 0) return splitWells(wells);
  const to = lineOf(item, S.toLine);
  const cc = lineOf(item, S.ccLine);
  return to === null || cc === null ? null : { to, cc };
}

/** The people of a To or Cc line; `[]` when the line is absent; `null` when none is recognised. */
function lineOf(item: Element, entry: typeof S.toLine | typeof S.ccLine): OutlookParticipant[] | null {
  const line = findFirst(item, entry);
  if (!line) return [];
  const personas = outermost(findAll(line, S.persona));
  if (personas.length === 0) return null;
  return personas.map((el) => personaFrom(el)).filter((p): p is OutlookParticipant => p !== null);
}

/** The date element's tooltip, then its text, each once; `[]` when the item shows no date. */
function sentTextOf(item: Element): string[] {
  const el = findFirst(item, S.sentTime);
  if (!el) return [];
  const texts = [cleanText(el.getAttribute('title')), cleanText(el.textContent)].filter(Boolean);
  return [...new Set(texts)];
}
