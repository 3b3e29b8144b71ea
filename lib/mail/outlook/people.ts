import { addressIn, cleanText, mailtoAddress, splitShown } from './address';
import type { OutlookParticipant } from './types';

/**
 * A person from a persona element (a From/To/Cc entry). The address is taken from, in order:
 * the element's own text ("Name <addr>", what the user sees), then an attribute of the element
 * or its descendants that holds exactly one address (title, aria-label, data-*, email, smtp,
 * a mailto link). Without one the person is reported by name, flagged as uncertain.
 * `null` when the element shows neither a name nor an address.
 */
export function personaFrom(el: Element): OutlookParticipant | null {
  const shown = splitShown(visibleText(el));
  if (shown.email) return { name: shown.name, email: shown.email };
  const email = addressInAttributes(el);
  if (email) return { name: shown.name === email ? '' : shown.name, email };
  if (!shown.name) return null;
  return { name: shown.name, email: null, addressUncertain: true };
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
