import { personaFrom } from './people';
import { attrFor, findAll, findFirst, outermost } from '../query';
import { OUTLOOK_SELECTORS as S } from './selectors';
import type { OutlookParticipant, OutlookThreadMessage } from './types';

/** One message, or the names of the selector entries that found nothing in it. */
export type MessageRead = { ok: true; message: OutlookThreadMessage } | { ok: false; failed: string[] };

const SENDER_ID = /^MSG_(.+)_FROM$/;

/**
 * Reads one message item. A message is expanded when its body is on the page; only expanded
 * messages list recipients. An item with no sender block is not a message Outlook drew fully
 * (a "see more messages" stub) and is reported as such, never filled in.
 */
export function readMessage(item: Element): MessageRead {
  const senderEl = findFirst(item, S.messageSender);
  const from = senderEl ? firstPerson(senderEl) : null;
  if (!senderEl || !from) return { ok: false, failed: [S.messageSender.name] };

  const to = recipients(item, S.toLine);
  const cc = recipients(item, S.ccLine);
  if (to === null || cc === null) return { ok: false, failed: [S.persona.name] };

  const idAttr = attrFor(senderEl, S.messageSender);
  const messageId = idAttr ? SENDER_ID.exec(senderEl.getAttribute(idAttr) ?? '')?.[1] : undefined;
  return {
    ok: true,
    message: {
      ...(messageId ? { messageId } : {}),
      from,
      to,
      cc,
      expanded: findFirst(item, S.messageBody) !== null,
    },
  };
}

/** The sender block holds one person; some builds wrap it in a persona, some do not. */
function firstPerson(block: Element): OutlookParticipant | null {
  const [persona] = outermost(findAll(block, S.persona));
  return (persona ? personaFrom(persona) : null) ?? personaFrom(block);
}

/**
 * The people of a To or Cc line; `[]` when the line is absent (no Cc, or a collapsed message);
 * `null` when the line is there but no persona in it is recognised: the label beside them is
 * translated text, so the line's text alone cannot be split safely.
 */
function recipients(item: Element, entry: typeof S.toLine | typeof S.ccLine): OutlookParticipant[] | null {
  const line = findFirst(item, entry);
  if (!line) return [];
  const personas = outermost(findAll(line, S.persona));
  if (personas.length === 0) return null;
  return personas.map(personaFrom).filter((p): p is OutlookParticipant => p !== null);
}
