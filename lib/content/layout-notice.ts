import { createOverlayHost, OVERLAY_ATTR } from './overlay-host';

const CSS = `
:host { all: initial; position: fixed; left: 16px; bottom: 16px; z-index: 2147483000; }
p { margin: 0; max-width: 320px; padding: 8px 12px; border-radius: 6px; background: #202124; color: #fff;
    font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.3); }
`;

/**
 * The small notice shown instead of a guess when the mail page's layout is not recognised
 * (`data-crm-overlay="notice"`). One at most per page; `text` comes from t().
 */
export function showLayoutNotice(doc: Document, text: string): HTMLElement {
  const existing = doc.querySelector<HTMLElement>(`[${OVERLAY_ATTR}="notice"]`);
  if (existing) {
    const p = existing.shadowRoot?.querySelector('p');
    if (p && p.textContent !== text) p.textContent = text;
    return existing;
  }
  const { host, root } = createOverlayHost(doc, 'div', 'notice', CSS);
  host.setAttribute('role', 'status');
  const p = doc.createElement('p');
  p.textContent = text;
  root.append(p);
  (doc.body ?? doc.documentElement).append(host);
  return host;
}

export function hideLayoutNotice(doc: Document): void {
  doc.querySelector(`[${OVERLAY_ATTR}="notice"]`)?.remove();
}
