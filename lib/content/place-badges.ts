import type { RiskMark } from './badge-model';
import { OVERLAY_ATTR } from './overlay-host';
import { createRiskBadge, isRiskBadge, updateRiskBadge } from './risk-badge';

const BADGES = `[${OVERLAY_ATTR}="badge"]`;

/** A badge that should stand right before `anchor` (the sender's name in a list row). */
export interface BadgePlacement {
  anchor: Element;
  mark: RiskMark;
}

/**
 * Makes the badges under `scope` (a node, or several, such as the table rows of one conversation)
 * exactly `wanted`: keeps (and updates) a badge already in place, adds missing ones and removes
 * the rest. Synchronous and idempotent, so it can run right after each read of a re-rendered
 * list, before the next paint: no flicker, and a list that did not change is not touched at all.
 * Returns how many elements it added or removed. With `near`, only badges right before those
 * elements are looked at instead of the whole scope: enough for rows the page has just made,
 * where a copy of one of our badges can only sit where we put it, before a sender.
 */
export function placeBadges(scope: ParentNode | readonly ParentNode[], wanted: readonly BadgePlacement[], near?: readonly Element[]): number {
  // Rows want a badge or two: a list is quicker to ask than a set.
  const keep: Element[] = [];
  let changes = 0;
  for (const { anchor, mark } of wanted) {
    const before = anchor.previousElementSibling;
    // A badge already there, even one for someone else (a copy the page made of a row that
    // showed another sender), is made this one.
    if (isRiskBadge(before)) {
      updateRiskBadge(before, mark);
      keep.push(before);
      continue;
    }
    const badge = createRiskBadge(anchor.ownerDocument, mark);
    anchor.before(badge);
    keep.push(badge);
    changes++;
  }
  if (near) {
    for (const el of near) {
      const before = el.previousElementSibling;
      if (isRiskBadge(before) && !keep.includes(before)) {
        before.remove();
        changes++;
      }
    }
    return changes;
  }
  const roots: readonly ParentNode[] = isList(scope) ? scope : [scope];
  for (const root of roots) {
    for (const badge of Array.from(root.querySelectorAll(BADGES))) {
      if (keep.includes(badge)) continue;
      badge.remove();
      changes++;
    }
  }
  return changes;
}

function isList(scope: ParentNode | readonly ParentNode[]): scope is readonly ParentNode[] {
  return Array.isArray(scope);
}
