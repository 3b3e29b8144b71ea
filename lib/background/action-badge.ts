import { browser } from 'wxt/browser';
import type { AttentionPage } from '../api';
import { t, tn } from '../i18n';

/** The toolbar icon's count: text (empty hides it), its colour and the button's tooltip. */
export interface ActionBadge { text: string; color: string; title: string }

/** The risk colour of the pages' theme (components/common/base.css `--risk`), for a badge that reads as urgent. */
const OVERDUE_COLOR = '#cf222e';

/**
 * My overdue commitments as the toolbar shows them, from my attention page (`owner=me`), or
 * nothing when signed out (null). The page lists the longest overdue first, so when a further
 * page exists and every row shown is overdue there are more than it counts ("50+").
 */
export function overdueBadge(page: AttentionPage | null): ActionBadge {
  const section = page?.commitments;
  const items = section?.items ?? [];
  const overdue = items.filter((c) => c.daysOverdue > 0).length;
  if (overdue === 0) return { text: '', color: OVERDUE_COLOR, title: t('extName') };
  const more = section?.nextCursor != null && overdue === items.length;
  return {
    text: more ? `${overdue}+` : String(overdue),
    color: OVERDUE_COLOR,
    title: more ? tn('badge_overdue_more', overdue) : tn('badge_overdue', overdue),
  };
}

/** Puts the badge on the toolbar button. Browsers without `action` (tests) or a closed window are not an error. */
export async function showActionBadge(badge: ActionBadge): Promise<void> {
  const action = browser.action;
  if (!action) return;
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
  ]).catch(() => undefined);
}
