import { toAddress } from '../participants';
import type { Participant } from '../types';

/**
 * A participant from an element that carries an address attribute (`email="…"` and usually
 * `name="…"`). `null` when the attribute is missing or is not an address: never guessed from text.
 */
export function personFrom(el: Element, attr: string): Participant | null {
  const email = toAddress(el.getAttribute(attr));
  if (!email) return null;
  const name = collapse(el.getAttribute('name') ?? el.textContent ?? '');
  // Gmail shows a bare address as the name when it has none; that is no name.
  return { name: name.includes('@') && toAddress(name) === email ? '' : name, email };
}

/** Runs of white space as one space, trimmed; most names have none to collapse, and are only trimmed. */
function collapse(text: string): string {
  return MESSY.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}
/** White space other than a single space between words. */
const MESSY = /[^\S ]|  /;
