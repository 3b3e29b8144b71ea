import { matchesAny } from '../query';
import { personaFrom } from './people';
import { OUTLOOK_SELECTORS as S } from './selectors';
import type { OutlookParticipant } from './types';

/** A letter in any script: group labels ("To:", "Cc:", "Копия:") have one, separators ("; ") don't. */
const LABEL = /\p{L}/u;

/**
 * Splits the live page's recipient well into To and Cc. The well lists its groups in Outlook's
 * order (To, then Cc, then Bcc), each opened by a label in the user's language, with the people
 * as persona-card targets; so the reader never looks at the words, only at whether text between
 * two people holds a label (any letter) or just a separator, and at where a well ends (a message
 * may draw one well per group). The first group is To, any later one counts as Cc. A group
 * without people before it ("Cc" alone) cannot be told from To this way, and is read as To.
 * `null` when a well is there but none of its people is recognised: the layout moved.
 */
export function splitWells(wells: readonly Element[]): { to: OutlookParticipant[]; cc: OutlookParticipant[] } | null {
  const groups: OutlookParticipant[][] = [[]];
  let seen = 0;
  for (const well of wells) {
    if ((groups[groups.length - 1]?.length ?? 0) > 0) groups.push([]);
    seen += walk(well, groups);
  }
  if (seen === 0) return null;
  const [to = [], ...rest] = groups;
  return { to, cc: rest.flat() };
}

/** Walks one well, adding its people to the open group; answers how many personas it met. */
function walk(node: Node, groups: OutlookParticipant[][]): number {
  let met = 0;
  for (const child of Array.from(node.childNodes)) {
    const current = groups[groups.length - 1];
    if (!current) return met;
    if (child.nodeType === 3 /* text */) {
      // A label after at least one person opens the next group; the leading "To:" does not.
      if (current.length > 0 && LABEL.test(child.textContent ?? '')) groups.push([]);
      continue;
    }
    if (child.nodeType !== 1 /* element */) continue;
    const el = child as Element;
    if (matchesAny(el, S.persona)) {
      met++;
      const person = personaFrom(el, { labelIsName: true });
      if (person) current.push(person);
    } else if (!isControl(el)) {
      met += walk(el, groups);
    }
  }
  return met;
}

/** A button that is no person ("+3 others", expanders): its words are not a group's label. */
function isControl(el: Element): boolean {
  return el.tagName === 'BUTTON' || el.getAttribute('role') === 'button';
}
