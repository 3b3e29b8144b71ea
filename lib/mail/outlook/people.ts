import { addressIn, cleanText, mailtoAddress, splitShown } from './address';
import type { OutlookParticipant } from './types';

/**
 * A person from a persona element (a From/To/Cc entry). The address is taken from, in order:
 * the element's own text ("Name <addr>", what the user sees), then an attribute of the element
 * or its descendants that holds exactly one address (title, aria-label, data-*, email, smtp,
 * a mailto link). Without one the person is reported by name, flagged as uncertain.
 * The name is the visible text; where the live page hides it from the accessibility tree (its
 * recipients' names sit in an `aria-hidden` span, the accessible name being the aria-label), the
 * aria-label's name, then (with `labelIsName`, for recipients) the whole aria-label, then the whole
 * text. The captured page shows why: the user's own recipient entry reads "You" (translated) in its
 * hidden text, while its aria-label is the user's name.
 * `null` when the element shows neither a name nor an address.
 */
export function personaFrom(el: Element, opts: { labelIsName?: boolean } = {}): OutlookParticipant | null {
  const hidden = hiddenText(el);
  const hiddenShown = splitShown(hidden);
  // Hidden text that holds an address is what the user sees; a bare hidden word ("You") is not a name.
  const nameLabel = opts.labelIsName && !hiddenShown.email ? wholeLabel(el) : '';
  const shown = splitShown(visibleText(el) || labelName(el) || nameLabel || hidden);
  if (shown.email) return { name: shown.name, email: shown.email };
  const email = addressInAttributes(el);
  if (email) return { name: shown.name === email ? '' : shown.name, email };
  if (!shown.name) return null;
  return { name: shown.name, email: null, addressUncertain: true };
}

/**
 * The name in a persona's aria-label when it is "<label>: Name", as the live sender's reads
 * ("From: Outlook Team", translated). The label's words are never read, only what follows its
 * first colon (any script's, full-width too); a label without one ("Opens card for …") gives
 * nothing. An address in it is left for `addressInAttributes`.
 */
export function labelName(el: Element): string {
  const label = cleanText(el.getAttribute('aria-label'));
  const colon = label.search(/[:\uff1a]/);
  return colon >= 0 ? splitShown(label.slice(colon + 1)).name : '';
}

/** An aria-label that is a name alone (no colon, no address): a recipient entry's. */
function wholeLabel(el: Element): string {
  const label = cleanText(el.getAttribute('aria-label'));
  return /[:\uff1a@]/.test(label) ? '' : label;
}

/** Text hidden from the accessibility tree, when it can be a name or an address (not "??"). */
function hiddenText(el: Element): string {
  const text = cleanText(el.textContent);
  return /[\p{L}@]/u.test(text) ? text : '';
}

/** Attributes Outlook and its persona card were seen to put an address in. */
const NAMED = ['title', 'aria-label', 'email', 'smtp'];

function addressInAttributes(el: Element): string | null {
  for (const node of [el, ...Array.from(el.querySelectorAll('*'))]) {
    for (const attr of Array.from(node.attributes)) {
      const found =
        attr.name === 'href'
          ? mailtoAddress(attr.value)
          : NAMED.includes(attr.name) || attr.name.startsWith('data-')
            ? addressIn(attr.value)
            : null;
      if (found) return found;
    }
  }
  return null;
}

/** Text a person sees: hidden helper text (screen-reader-only copies, initials) left out. */
function visibleText(el: Element): string {
  let text = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1 && !isHidden(node as Element)) text += ` ${visibleText(node as Element)} `;
  }
  return cleanText(text);
}

function isHidden(el: Element): boolean {
  return el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden');
}
