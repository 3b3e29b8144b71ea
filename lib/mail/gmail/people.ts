import { toAddress } from '../participants';
import type { Participant } from '../types';

/**
 * A participant from an element that carries an address attribute (`email="…"` and usually
 * `name="…"`). `null` when the attribute is missing or is not an address: never guessed from text.
 */
export function personFrom(el: Element, attr: string): Participant | null {
  const email = toAddress(el.getAttribute(attr));
  if (!email) return null;
  const name = (el.getAttribute('name') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Gmail shows a bare address as the name when it has none; that is no name.
  return { name: name.includes('@') && toAddress(name) === email ? '' : name, email };
}
