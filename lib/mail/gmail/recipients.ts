import type { Participant } from '../types';
import { personFrom } from './people';
import { safeMatches } from '../query';
import { GMAIL_SELECTORS as S } from './selectors';

/** A letter in any script: group labels ("cc:", "копия:", "Cc:") have one, separators (", ") don't. */
const LABEL = /\p{L}/u;

/**
 * Splits a recipient line such as `to me, Ana, cc: Boris` into To and Cc. Gmail writes the
 * recipients of each header as spans and the group names as plain text between them, in the
 * user's language; so the reader does not look at the words, only at whether the text between
 * two recipients holds a label (any letter) or just a separator. The first group is To, any
 * later group (cc, then bcc) is counted as Cc.
 */
export function splitRecipients(line: Element): { to: Participant[]; cc: Participant[] } {
  const groups: Participant[][] = [[]];
  walk(line, groups);
  const [to = [], ...rest] = groups;
  return { to, cc: rest.flat() };
}

function recipientOf(el: Element): Participant | null {
  for (const { css, attr } of S.recipient.fallbacks) {
    if (safeMatches(el, css)) return personFrom(el, attr);
  }
  return null;
}

function walk(node: Node, groups: Participant[][]): void {
  for (const child of Array.from(node.childNodes)) {
    const current = groups[groups.length - 1];
    if (!current) return;
    if (child.nodeType === 3 /* text */) {
      // A label after at least one recipient opens the next group; the leading "to" does not.
      if (current.length > 0 && LABEL.test(child.textContent ?? '')) groups.push([]);
      continue;
    }
    if (child.nodeType !== 1 /* element */) continue;
    const el = child as Element;
    const person = recipientOf(el);
    if (person) current.push(person);
    // A recipient's own text is its name, not a label, so the walk does not descend into it.
    else if (!el.hasAttribute('email')) walk(el, groups);
  }
}
