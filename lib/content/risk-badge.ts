import type { RiskMark } from './badge-model';
import { badgeMarks, installBadgePopover } from './badge-popover';
import { OVERLAY_ATTR } from './overlay-host';

// Shape differs by level as well as colour: a circled "i"-like dot for watch, a triangle with "!" for at-risk.
type Shape = [tag: string, attrs: Record<string, string>];
const ICONS: Record<RiskMark['level'], Shape[]> = {
  watch: [
    ['circle', { cx: '8', cy: '8', r: '7', fill: '#f9ab00' }],
    ['rect', { x: '7', y: '3.5', width: '2', height: '6', rx: '1', fill: '#202124' }],
    ['circle', { cx: '8', cy: '12', r: '1.1', fill: '#202124' }],
  ],
  'at-risk': [
    ['path', { d: 'M8 1 L15.5 14.5 H0.5 Z', fill: '#d93025' }],
    ['rect', { x: '7', y: '5', width: '2', height: '5.5', rx: '1', fill: '#fff' }],
    ['circle', { cx: '8', cy: '12.4', r: '1.1', fill: '#fff' }],
  ],
};

const SVG_NS = 'http://www.w3.org/2000/svg';
// On the host itself (an inline style outranks the page's rules, which a :host rule does not) and
// as the icon's own attributes, so a copy of a badge, which carries no style sheet, looks the same.
const HOST_STYLE = 'display:inline-flex;vertical-align:middle;margin:0 4px 0 0;line-height:0';

/**
 * One finished badge per level and document, without its text: each new badge is a deep copy of
 * it (its shadow root is clonable, so the icon comes along where the browser supports that).
 */
const templates = new WeakMap<Document, Partial<Record<RiskMark['level'], HTMLElement>>>();

/**
 * A risk badge: a small icon whose host carries `data-crm-overlay="badge"`, `data-email`,
 * `data-risk`, an accessible label, and a card with the reasons on focus and hover. CRM text only ever goes into attributes;
 * the icon is built from our own constant shapes, once per level, and copied.
 */
export function createRiskBadge(doc: Document, mark: RiskMark): HTMLElement {
  installBadgePopover(doc);
  const host = templateOf(doc, mark.level).cloneNode(true) as HTMLElement;
  updateRiskBadge(host, mark);
  return host;
}

/**
 * Brings an existing badge up to date; touches only what changed, so a steady list causes no
 * mutations. A copy the page made of a badge (a row it cloned) may lack its icon: it gets one.
 */
export function updateRiskBadge(host: HTMLElement, mark: RiskMark): void {
  if (host.getAttribute('data-email') !== mark.email) host.setAttribute('data-email', mark.email);
  badgeMarks.set(host, mark);
  // Label, level and icon are written together, and the label names the level: a badge whose
  // label is the mark's already shows its level. (No `title`: the card of badge-popover.ts shows
  // the reasons on hover and on focus, where a native tooltip would only cover it.)
  const labelled = host.getAttribute('aria-label') === mark.label;
  if (!labelled) host.setAttribute('aria-label', mark.label);
  // A copy the page made of a badge (by serialising it, or where shadow roots are not copied
  // with their host) has no icon; where they are, a shadow root of ours always holds one.
  const root = host.shadowRoot;
  const drawn = root !== null && (clonable(host) || root.firstElementChild !== null);
  if (drawn && (labelled || host.getAttribute('data-risk') === mark.level)) return;
  host.setAttribute('data-risk', mark.level);
  (root ?? attach(host))?.replaceChildren(iconOf(host.ownerDocument, mark.level));
}

let clonableRoots: boolean | undefined;
function clonable(host: HTMLElement): boolean {
  if (clonableRoots === undefined) {
    const win = host.ownerDocument.defaultView;
    clonableRoots = win !== null && 'clonable' in win.ShadowRoot.prototype;
  }
  return clonableRoots;
}

export function isRiskBadge(node: Element | null): node is HTMLElement {
  return node !== null && node.getAttribute(OVERLAY_ATTR) === 'badge';
}

function templateOf(doc: Document, level: RiskMark['level']): HTMLElement {
  let byLevel = templates.get(doc);
  if (!byLevel) templates.set(doc, (byLevel = {}));
  let host = byLevel[level];
  if (!host) {
    host = doc.createElement('span');
    host.setAttribute(OVERLAY_ATTR, 'badge');
    // Focusable, and a button: Enter or Space shows the reasons' card (badge-popover.ts).
    host.setAttribute('role', 'button');
    host.setAttribute('tabindex', '0');
    host.setAttribute('aria-expanded', 'false');
    host.setAttribute('data-risk', level);
    host.style.cssText = HOST_STYLE;
    attach(host)?.append(iconOf(doc, level));
    byLevel[level] = host;
  }
  return host;
}

function attach(host: HTMLElement): ShadowRoot | null {
  try {
    return host.attachShadow({ mode: 'open', clonable: true });
  } catch {
    // Another shadow root (not ours) is already there; leave it be.
    return null;
  }
}

function iconOf(doc: Document, level: RiskMark['level']): SVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  for (const [name, value] of Object.entries({ viewBox: '0 0 16 16', width: '14', height: '14', 'aria-hidden': 'true' })) svg.setAttribute(name, value);
  svg.style.cssText = 'display:block';
  for (const [tag, attrs] of ICONS[level]) {
    const el = doc.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    svg.append(el);
  }
  return svg;
}
