// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { RiskMark } from '../../../lib/content/badge-model';
import { createRiskBadge } from '../../../lib/content/risk-badge';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

function mark(over: Partial<RiskMark> = {}): RiskMark {
  return {
    email: 'client@example.com', accountId: 'acc_1', accountName: 'PT Contoh', level: 'at-risk',
    label: 'PT Contoh: At risk. No contact for 40 days', reasons: ['No contact for 40 days', HOSTILE],
    ...over,
  };
}

const card = () => document.querySelector('[data-crm-overlay="popover"]');
const cardText = () => card()?.shadowRoot?.textContent ?? '';

function badgeInRow(m = mark()): { badge: HTMLElement; row: HTMLElement } {
  const row = document.createElement('div');
  const name = document.createElement('span');
  name.textContent = 'Client';
  row.append(name);
  document.body.append(row);
  const badge = createRiskBadge(document, m);
  name.before(badge);
  return { badge, row };
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('the reasons card of a risk badge', () => {
  it('makes badges reachable by keyboard, as buttons with their reasons in the label', () => {
    const { badge } = badgeInRow();
    expect(badge.getAttribute('tabindex')).toBe('0');
    expect(badge.getAttribute('role')).toBe('button');
    expect(badge.getAttribute('aria-label')).toBe(mark().label);
    expect(badge.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the level and every reason, as text, when a badge gets focus, and hides on Escape', () => {
    const { badge } = badgeInRow();
    badge.focus();
    expect(card()).not.toBeNull();
    expect(badge.getAttribute('aria-expanded')).toBe('true');
    expect(cardText()).toContain('PT Contoh');
    expect(cardText()).toContain('No contact for 40 days');
    // Hostile CRM text is shown as the characters it is, never as markup.
    expect(cardText()).toContain(HOSTILE);
    expect(card()?.shadowRoot?.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    badge.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card()?.isConnected ?? false).toBe(false);
    expect(badge.getAttribute('aria-expanded')).toBe('false');
  });

  it('keeps the keys it handles from the mail page, and lets the others through', () => {
    const { badge, row } = badgeInRow();
    const seen: string[] = [];
    row.addEventListener('keydown', (e) => seen.push(e.key));
    document.addEventListener('keydown', (e) => seen.push(`doc:${e.key}`));
    for (const key of ['Enter', ' ', 'Escape', 'j']) badge.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    expect(seen).toEqual(['j', 'doc:j']);
  });

  it('toggles with Enter, and one card serves every badge', () => {
    const first = badgeInRow().badge;
    const second = badgeInRow(mark({ accountName: 'SC Exemplu SRL', reasons: ['2 of the last 3 contacts were complaints'] })).badge;
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(cardText()).toContain('PT Contoh');
    second.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(document.querySelectorAll('[data-crm-overlay="popover"]')).toHaveLength(1);
    expect(cardText()).toContain('SC Exemplu SRL');
    expect(cardText()).not.toContain('PT Contoh');
    expect(first.getAttribute('aria-expanded')).toBe('false');
    second.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(card()?.isConnected ?? false).toBe(false);
  });

  it('shows on hover', () => {
    const { badge } = badgeInRow();
    badge.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(cardText()).toContain('No contact for 40 days');
  });

  it('falls back to the label for a copy of a badge the page made', () => {
    const { badge, row } = badgeInRow();
    const copy = badge.cloneNode(true) as HTMLElement;
    row.append(copy);
    copy.focus();
    expect(cardText()).toContain(mark().label);
  });
});
