import type { RiskMark } from './badge-model';
import { describeLevel } from '../risk/describe';
import { createOverlayHost, OVERLAY_ATTR } from './overlay-host';
import { readTheme } from './theme';

/** The marks badges show, kept beside them (a copy the page makes of a badge has none: its label is shown). */
export const badgeMarks = new WeakMap<Element, RiskMark>();

const CSS = `:host{all:initial;position:fixed;z-index:2147483646;max-width:320px;font:13px/1.4 system-ui,sans-serif}
div{background:#fff;color:#202124;border:1px solid #9aa0a6;border-radius:6px;padding:6px 10px;box-shadow:0 2px 6px rgba(0,0,0,.25)}
:host([data-theme=dark]) div{background:#2d2e30;color:#e8eaed;border-color:#80868b}
b{display:block}ul{margin:2px 0 0;padding-left:16px}`;

const installed = new WeakSet<Document>();

/**
 * Shows a badge's level and reasons in a small card beside it while it has focus or the pointer:
 * the native tooltip neither appears on keyboard focus nor can be read at leisure. One card per
 * page, installed on the first badge; keys a focused badge handles (Enter, Space, Escape) are kept
 * from the mail site, so they never open the message or run one of its shortcuts.
 */
export function installBadgePopover(doc: Document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  let card: { host: HTMLElement; root: ShadowRoot } | null = null;
  let shownFor: Element | null = null;
  let hideTimer = 0;
  const win = doc.defaultView;
  const badgeOf = (target: EventTarget | null): HTMLElement | null =>
    target instanceof Element && target.getAttribute(OVERLAY_ATTR) === 'badge' ? (target as HTMLElement) : null;

  const hide = () => {
    win?.clearTimeout(hideTimer);
    shownFor?.setAttribute('aria-expanded', 'false');
    shownFor = null;
    card?.host.remove();
  };
  const show = (badge: HTMLElement) => {
    win?.clearTimeout(hideTimer);
    if (shownFor === badge && card?.host.isConnected) return;
    hide();
    card ??= createOverlayHost(doc, 'div', 'popover', CSS);
    const { host, root } = card;
    const mark = badgeMarks.get(badge);
    const box = doc.createElement('div');
    const title = doc.createElement('b');
    // CRM text only ever goes in as text.
    title.textContent = mark ? `${mark.accountName}: ${describeLevel(mark.level)}` : (badge.getAttribute('aria-label') ?? '');
    box.append(title);
    if (mark && mark.reasons.length > 0) {
      const list = doc.createElement('ul');
      for (const reason of mark.reasons) list.append(Object.assign(doc.createElement('li'), { textContent: reason }));
      box.append(list);
    }
    root.replaceChildren(...Array.from(root.querySelectorAll('style')), box);
    host.setAttribute('data-theme', readTheme(badge.parentElement));
    host.style.visibility = 'hidden';
    doc.body.append(host);
    // Below the badge, or above it when there is no room; always inside the viewport.
    const at = badge.getBoundingClientRect();
    const size = host.getBoundingClientRect();
    const width = win?.innerWidth ?? 1024;
    const height = win?.innerHeight ?? 768;
    const top = at.bottom + 4 + size.height <= height ? at.bottom + 4 : Math.max(0, at.top - 4 - size.height);
    host.style.left = `${Math.max(0, Math.min(at.left, width - size.width))}px`;
    host.style.top = `${top}px`;
    host.style.visibility = '';
    shownFor = badge;
    badge.setAttribute('aria-expanded', 'true');
  };
  const hideSoon = () => {
    win?.clearTimeout(hideTimer);
    hideTimer = win?.setTimeout(hide, 200) ?? 0;
  };

  doc.addEventListener('focusin', (e) => {
    const badge = badgeOf(e.target);
    if (badge) show(badge);
    else if (shownFor) hide();
  }, true);
  doc.addEventListener('focusout', (e) => void (badgeOf(e.target) && hideSoon()), true);
  doc.addEventListener('mouseover', (e) => {
    const badge = badgeOf(e.target);
    if (badge) show(badge);
    else if (shownFor && !(e.target instanceof Node && card?.host.contains(e.target))) hideSoon();
  }, true);
  doc.addEventListener('keydown', (e) => {
    const badge = badgeOf(e.target);
    if (!badge || !['Enter', ' ', 'Escape'].includes(e.key)) return;
    e.stopImmediatePropagation();
    e.preventDefault();
    if (e.key === 'Escape' || shownFor === badge) hide();
    else show(badge);
  }, true);
  // The rows move under a card that stays put: it goes when the page scrolls.
  doc.addEventListener('scroll', () => void (shownFor && hide()), true);
}
