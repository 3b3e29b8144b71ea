import type { RiskMark } from './badge-model';
import { OVERLAY_ATTR } from './overlay-host';
import { createRiskBadge, isRiskBadge, updateRiskBadge } from './risk-badge';

/** A badge that should stand right before `anchor` (the sender's name in a list row). */
export interface BadgePlacement {
  anchor: Element;
  mark: RiskMark;
}

/**
 * Makes the badges under `scope` exactly `wanted`: keeps (and updates) a badge already in place,
 * adds missing ones and removes the rest. Synchronous and idempotent, so it can run right after
 * each read of a re-rendered list, before the next paint: no flicker, and a list that did not
 * change is not touched at all. Returns how many elements it added or removed.
 */
export function placeBadges(scope: ParentNode, wanted: readonly BadgePlacement[]): number {
  const keep = new Set<Element>();
  let changes = 0;
  for (const { anchor, mark } of wanted) {
    const before = anchor.previousElementSibling;
    if (isRiskBadge(before) && before.getAttribute('data-email') === mark.email) {
      updateRiskBadge(before, mark);
      keep.add(before);
      continue;
    }
    const badge = createRiskBadge(anchor.ownerDocument, mark);
    anchor.before(badge);
    keep.add(badge);
    changes++;
  }
  for (const badge of Array.from(scope.querySelectorAll(`[${OVERLAY_ATTR}="badge"]`))) {
    if (keep.has(badge)) continue;
    badge.remove();
    changes++;
  }
  return changes;
}
