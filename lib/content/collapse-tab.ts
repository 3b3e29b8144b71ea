import { createOverlayHost } from './overlay-host';

const CSS = `
:host { all: initial; position: fixed; z-index: 2147483001; }
button { width: 24px; height: 56px; padding: 0; border: 1px solid #dadce0; border-right: none; border-radius: 8px 0 0 8px;
         background: #fff; color: #3c4043; font: 16px/1 system-ui, sans-serif; cursor: pointer; box-shadow: -1px 1px 3px rgba(0,0,0,.15); }
:host([data-theme="dark"]) button { background: #303134; color: #e8eaed; border-color: #5f6368; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
`;

export interface CollapseTab {
  host: HTMLElement;
  /** Places the tab at `right` px from the window's right edge, `top` px from the top, and labels it. */
  update(state: { collapsed: boolean; right: number; top: number; label: string; theme: 'light' | 'dark' }): void;
}

/** The narrow tab that folds the sidebar away and brings it back: a button with an accessible label. */
export function createCollapseTab(doc: Document, onToggle: () => void): CollapseTab {
  const { host, root } = createOverlayHost(doc, 'div', 'sidebar-tab', CSS);
  const button = doc.createElement('button');
  button.type = 'button';
  button.addEventListener('click', onToggle);
  root.append(button);
  return {
    host,
    update({ collapsed, right, top, label, theme }) {
      host.style.setProperty('right', `${right}px`);
      host.style.setProperty('top', `${top}px`);
      host.setAttribute('data-theme', theme);
      button.setAttribute('aria-label', label);
      button.setAttribute('aria-expanded', String(!collapsed));
      button.title = label;
      button.textContent = collapsed ? '‹' : '›';
    },
  };
}
