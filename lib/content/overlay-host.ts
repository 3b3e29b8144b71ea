/** What each overlay element is, as the `data-crm-overlay` attribute says (part of the test contract). */
export type OverlayKind = 'sidebar' | 'sidebar-parked' | 'sidebar-panel' | 'sidebar-tab' | 'badge' | 'popover' | 'banner' | 'notice';

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
  if (!adopt(root, sharedSheet(doc, css))) {
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  return { host, root };
}

// One parsed style sheet per kind of overlay, shared by every host (a list of 100 badges parses
// its CSS once); engines without constructable sheets get a <style> per host.
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

function adopt(root: ShadowRoot, sheet: CSSStyleSheet | null): boolean {
  if (!sheet) return false;
  try {
    root.adoptedStyleSheets = [sheet];
    return true;
  } catch {
    // Firefox refuses sheets made in a content script's compartment.
    return false;
  }
}

function sharedSheet(doc: Document, css: string): CSSStyleSheet | null {
  const win = doc.defaultView;
  if (!win || typeof win.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in win.ShadowRoot.prototype)) return null;
  let byCss = sheets.get(doc);
  if (!byCss) sheets.set(doc, (byCss = new Map()));
  let sheet = byCss.get(css);
  if (!sheet) {
    try {
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      return null;
    }
    byCss.set(css, sheet);
  }
  return sheet;
}

/** Whether a node is one of our overlays (so observers and readers can ignore it). */
export function isOverlay(node: Node | null): node is HTMLElement {
  return node !== null && node.nodeType === 1 && (node as Element).hasAttribute(OVERLAY_ATTR);
}
