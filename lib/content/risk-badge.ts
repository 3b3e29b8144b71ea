import type { RiskMark } from './badge-model';
import { createOverlayHost, OVERLAY_ATTR } from './overlay-host';

// Shape differs by level as well as colour: a circled "i"-like dot for watch, a triangle with "!" for at-risk.
const CSS = `
:host { display: inline-flex; vertical-align: middle; margin: 0 4px 0 0; line-height: 0; }
svg { width: 14px; height: 14px; display: block; }
`;
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

/**
 * A risk badge: a small icon whose host carries `data-crm-overlay="badge"`, `data-email`,
 * `data-risk`, an accessible label and a tooltip. CRM text only ever goes into attributes;
 * the icon is built from our own constant shapes.
 */
export function createRiskBadge(doc: Document, mark: RiskMark): HTMLElement {
  const { host, root } = createOverlayHost(doc, 'span', 'badge', CSS);
  host.setAttribute('role', 'img');
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  root.append(svg);
  updateRiskBadge(host, mark);
  return host;
}

/** Brings an existing badge up to date; touches only what changed, so a steady list causes no mutations. */
export function updateRiskBadge(host: HTMLElement, mark: RiskMark): void {
  const set = (name: string, value: string) => {
    if (host.getAttribute(name) !== value) host.setAttribute(name, value);
  };
  set('data-email', mark.email);
  set('aria-label', mark.label);
  set('title', mark.label);
  if (host.getAttribute('data-risk') !== mark.level) {
    host.setAttribute('data-risk', mark.level);
    const svg = host.shadowRoot?.querySelector('svg');
    if (svg) svg.replaceChildren(...ICONS[mark.level].map(([tag, attrs]) => shape(svg.ownerDocument, tag, attrs)));
  }
}

export function isRiskBadge(node: Element | null): node is HTMLElement {
  return node !== null && node.getAttribute(OVERLAY_ATTR) === 'badge';
}

function shape(doc: Document, tag: string, attrs: Record<string, string>): SVGElement {
  const el = doc.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}
