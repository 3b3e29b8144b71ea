/** What each overlay element is, as the `data-crm-overlay` attribute says (part of the test contract). */
export type OverlayKind = 'sidebar' | 'sidebar-panel' | 'sidebar-tab' | 'badge' | 'banner' | 'notice';

export const OVERLAY_ATTR = 'data-crm-overlay';

/**
 * An element of ours in the mail page: the attributes stay on the host, where the page and the
 * tests can see them, and the content lives in a shadow root with its own style, so neither the
 * page's CSS reaches in nor ours leaks out.
 */
export function createOverlayHost(doc: Document, tag: 'span' | 'div', kind: OverlayKind, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(OVERLAY_ATTR, kind);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/** Whether a node is one of our overlays (so observers and readers can ignore it). */
export function isOverlay(node: Node | null): node is HTMLElement {
  return node !== null && node.nodeType === 1 && (node as Element).hasAttribute(OVERLAY_ATTR);
}
