import type { RowSender } from '../types';
import { cleanText, splitShown } from './address';
import { attrFor, findAll, outermost } from '../query';
import { OUTLOOK_SELECTORS as S } from './selectors';

export type { RowSender };

/**
 * The senders a row shows, in row order, each with its element (a badge goes right before it).
 * A sender's tooltip is their address ("dewi@…" or "Dewi <dewi@…>"); anything else with an `@`
 * in its tooltip (a subject that mentions an address) is not a sender.
 */
export function rowSendersOf(row: Element): RowSender[] {
  const senders: RowSender[] = [];
  for (const el of outermost(findAll(row, S.rowSender))) {
    const tip = splitShown(el.getAttribute(attrFor(el, S.rowSender) ?? 'title'));
    if (!tip.email) continue;
    const shown = cleanText(el.textContent);
    senders.push({ el, person: { name: shown && shown !== tip.email ? shown : tip.name, email: tip.email } });
  }
  return senders;
}

/** The conversation id a row element stands for, or `null` for a row without one. */
export function rowThreadId(row: Element): string | null {
  const attr = attrFor(row, S.listRow);
  return (attr ? row.getAttribute(attr)?.trim() : null) || null;
}
