import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeOutlook } from '../fixtures/outlook/demo-pages';
import { axeViolations, describeViolations } from './support/axe';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { configureForMail, openGmail, routeGmail } from './support/mail-pages';

const BADGE = '[data-crm-overlay="badge"]';
const CARD = '[data-crm-overlay="popover"]';

let crm: RunningCrm;
let ext: LaunchedExtension;

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await configureForMail(ext, crm.url, crm.token);
  await routeGmail(ext.context, 'inbox-default-tabs.html');
  await routeOutlook(ext.context, 'inbox-pane-right.html');
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

/** The card's text, and whether it is on the page. */
const cardText = (page: Page) => page.evaluate((sel) => document.querySelector(sel)?.shadowRoot?.textContent ?? null, CARD);

/** Presses Tab until a badge has focus; how many presses it took, or null. */
async function tabToBadge(page: Page, max = 400): Promise<number | null> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, BADGE)) return i;
  }
  return null;
}

/** The badge's own tree in Chromium's accessibility view: role, name, expanded state. */
async function axNode(page: Page): Promise<{ role: string; name: string; expanded: boolean | undefined }> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[]; ignored: boolean }[] };
    // The document is focused too: the badge is the focused node that is not the page itself.
    const focused = nodes.find((n) => !n.ignored && n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
    return {
      role: focused?.role?.value ?? '',
      name: focused?.name?.value ?? '',
      expanded: focused?.properties?.find((p) => p.name === 'expanded')?.value.value as boolean | undefined,
    };
  } finally {
    await session.detach();
  }
}

for (const site of [
  { name: 'Gmail', url: 'https://mail.google.com/mail/u/0/#inbox', open: (url: string) => openGmail(ext.context, url) },
  {
    name: 'Outlook',
    url: 'https://outlook.office.com/mail/inbox',
    open: async (url: string) => {
      const page = await ext.context.newPage();
      await page.goto(url);
      return page;
    },
  },
] as const) {
  describe(`${site.name}: a risk badge by keyboard and pointer`, () => {
    let page: Page;

    beforeAll(async () => {
      page = await site.open(site.url);
      await page.waitForSelector(BADGE, { timeout: 30_000 });
    });
    afterAll(async () => page?.close());

    it('is reached with Tab; its reasons show in a card and are in its accessible name; Escape closes it', async () => {
      expect(await tabToBadge(page)).not.toBeNull();
      const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      await expect.poll(() => cardText(page)).not.toBeNull();
      const text = (await cardText(page))!;
      const account = label.split(':')[0]!;
      expect(text).toContain(account);
      const node = await axNode(page);
      expect(node.role).toBe('button');
      expect(node.name).toBe(label);
      expect(node.expanded).toBe(true);
      // Every reason the card lists is in what a screen reader reads.
      const reasons = await page.evaluate((sel) => [...(document.querySelector(sel)?.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? ''), CARD);
      expect(reasons.length).toBeGreaterThan(0);
      for (const reason of reasons) expect(label).toContain(reason);
      // The card is in the viewport and does not cover its badge.
      const [badgeBox, cardBox] = await page.evaluate((sels) => sels.map((s) => {
        const el = s === 'focus' ? document.activeElement! : document.querySelector(s)!;
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }), ['focus', CARD]);
      const viewport = page.viewportSize()!;
      expect(cardBox!.left).toBeGreaterThanOrEqual(0);
      expect(cardBox!.right).toBeLessThanOrEqual(viewport.width);
      expect(cardBox!.top >= badgeBox!.bottom || cardBox!.bottom <= badgeBox!.top).toBe(true);

      expect(describeViolations(await axeViolations(page, CARD))).toBe('');

      // Escape closes the card, and the mail page never saw the key.
      await page.evaluate(() => {
        (window as unknown as { seen: string[] }).seen = [];
        document.addEventListener('keydown', (e) => (window as unknown as { seen: string[] }).seen.push(e.key));
      });
      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(page)).toBeNull();
      await page.keyboard.press('Enter');
      await expect.poll(() => cardText(page)).not.toBeNull();
      expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
      // Tab moves on: the card goes, or shows the next badge's account if focus landed on one.
      await page.keyboard.press('Tab');
      const next = await page.evaluate((sel) => (document.activeElement?.matches(sel) ? document.activeElement.getAttribute('aria-label')!.split(':')[0]! : null), BADGE);
      if (next === null) await expect.poll(() => cardText(page)).toBeNull();
      else await expect.poll(() => cardText(page)).toContain(next);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await expect.poll(() => cardText(page)).toBeNull();
    });

    it('shows the card while the pointer is over a badge', async () => {
      const badge = page.locator(BADGE).first();
      await badge.hover();
      await expect.poll(() => cardText(page)).not.toBeNull();
      await page.mouse.move(0, 0);
      await expect.poll(() => cardText(page)).toBeNull();
    });
  });
}
