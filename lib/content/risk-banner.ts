import { t } from '../i18n';
import { bannerText, type RiskMark } from './badge-model';
import { createOverlayHost, OVERLAY_ATTR } from './overlay-host';

const CSS = `
:host { all: initial; display: block; margin: 4px 0 8px; font: 13px/1.4 system-ui, sans-serif; }
.line { display: flex; align-items: center; gap: 8px; padding: 6px 10px; border-radius: 6px; border-left: 4px solid; }
.line[data-risk="watch"] { background: #fef7e0; color: #3c2a00; border-color: #f9ab00; }
.line[data-risk="at-risk"] { background: #fce8e6; color: #5c0b05; border-color: #d93025; }
.icon { font-weight: 700; }
.text { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
button { font: inherit; border: 1px solid currentColor; border-radius: 4px; background: transparent; color: inherit; padding: 1px 8px; cursor: pointer; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
`;

/**
 * One line above the open message of a client to watch or at risk: the level and the top
 * reasons, with a control that opens the sidebar's risk section. Text only, never markup.
 */
export function createRiskBanner(doc: Document, mark: RiskMark, onShowRisk: () => void): HTMLElement {
  const { host, root } = createOverlayHost(doc, 'div', 'banner', CSS);
  host.setAttribute('role', 'note');
  const line = doc.createElement('div');
  line.className = 'line';
  const icon = doc.createElement('span');
  icon.className = 'icon';
  icon.setAttribute('aria-hidden', 'true');
  const text = doc.createElement('span');
  text.className = 'text';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = t('banner_show_risk');
  button.addEventListener('click', onShowRisk);
  line.append(icon, text, button);
  root.append(line);
  updateRiskBanner(host, mark);
  return host;
}

export function updateRiskBanner(host: HTMLElement, mark: RiskMark): void {
  const line = host.shadowRoot?.querySelector<HTMLElement>('.line');
  const text = host.shadowRoot?.querySelector<HTMLElement>('.text');
  const icon = host.shadowRoot?.querySelector<HTMLElement>('.icon');
  const words = bannerText(mark);
  if (host.getAttribute('data-email') !== mark.email) host.setAttribute('data-email', mark.email);
  if (host.getAttribute('data-risk') !== mark.level) host.setAttribute('data-risk', mark.level);
  line?.setAttribute('data-risk', mark.level);
  if (icon) icon.textContent = mark.level === 'at-risk' ? '▲' : '●';
  if (text && text.textContent !== words) {
    text.textContent = words;
    text.title = mark.label;
  }
}

/**
 * Puts the banner for `mark` right before `before` inside its parent (or removes it when `mark`
 * is null), keeping one already in place. Returns whether the page changed.
 */
export function placeBanner(scope: ParentNode, before: Element | null, mark: RiskMark | null, onShowRisk: () => void): boolean {
  const existing = scope.querySelector<HTMLElement>(`[${OVERLAY_ATTR}="banner"]`);
  if (!mark || !before) {
    existing?.remove();
    return existing !== null;
  }
  if (existing && existing.nextElementSibling === before) {
    updateRiskBanner(existing, mark);
    return false;
  }
  existing?.remove();
  before.before(createRiskBanner(before.ownerDocument, mark, onShowRisk));
  return true;
}
