import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SidebarContextInput } from '../../lib/messaging/sidebar-context';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { connectThroughOptions, pickLanguage } from './support/options-page';
import { screenshotPath } from './support/screenshots';
import { hostSidebar, type SidebarView } from './support/sidebar-host';

// The sidebar at a glance: what a reply needs first, in one screen, each thing said once; the rest
// folds away and stays folded; and it reads the same in every language (the README's pictures).

/** The frame's size as the content script makes it (lib/content/sidebar-frame.ts), on a laptop screen. */
const WIDTH = 360;
const HEIGHT = 900;

let crm: RunningCrm;
let ext: LaunchedExtension;

function context(email: string, threadId = `calm-${email}`): SidebarContextInput {
  return {
    site: 'gmail', threadId, subject: 'Delivery schedule', sentAt: null,
    participants: [{ name: '', email }, { name: '', email: DEMO_ADDRESSES.unknown }],
    nameOnly: [],
  };
}

/** The sidebar for `email`, once its promises are in (the at-a-glance part is then complete). */
async function open(email: string): Promise<SidebarView> {
  const view = await hostSidebar(ext, context(email), { width: WIDTH, height: HEIGHT });
  await view.getByTestId('contact-name').waitFor({ timeout: 20_000 });
  await view.getByTestId('commitments').locator('.commitments > li, p.muted').first().waitFor({ timeout: 20_000 });
  return view;
}

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await connectThroughOptions(ext, crm.url, crm.token);
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

describe('at a glance', () => {
  it.each([
    ['an at-risk client with overdue promises', DEMO_ADDRESSES.atRisk],
    ['a client to watch', DEMO_ADDRESSES.watch],
  ])('%s: header, risk, promises and the quick note come first and fit in 900 px', async (_, email) => {
    const view = await open(email);
    const layout = await view.evaluate(() => ({
      order: [...document.querySelectorAll('main > [aria-labelledby]')].map((e) => e.getAttribute('aria-labelledby')),
      noteBottom: document.querySelector('[aria-labelledby="note-heading"]')!.getBoundingClientRect().bottom + scrollY,
      bodyFont: getComputedStyle(document.body).fontSize,
      headings: [...document.querySelectorAll('h1, h2')].map((h) => h.textContent?.trim() ?? ''),
      promises: document.querySelector('[data-testid="commitments"]')?.textContent ?? '',
    }));
    const risky = await view.locator('#risk').count();
    expect(layout.order.slice(0, 4)).toEqual(['client-name', ...(risky ? ['risk-heading'] : []), 'commitments-heading', 'note-heading'].slice(0, 4));
    expect(layout.bodyFont).toBe('13px');
    expect(layout.noteBottom).toBeLessThanOrEqual(HEIGHT);
    // Each title once; the promises' title is not repeated by their counts.
    expect(new Set(layout.headings).size).toBe(layout.headings.length);
    expect(layout.promises.split('Open commitments').length - 1).toBe(1);
    console.log(`${email}: the quick note ends at ${Math.round(layout.noteBottom)} px`);
    await view.close();
  });
});

describe('folded sections', () => {
  it('fold and unfold from their titles by keyboard, and stay folded in the next sidebar', async () => {
    const view = await open(DEMO_ADDRESSES.atRisk);
    const history = view.getByRole('button', { name: 'History', exact: true });
    await view.getByTestId('timeline').waitFor({ timeout: 20_000 });
    await history.focus();
    expect(await history.getAttribute('aria-expanded')).toBe('true');
    expect(await history.getAttribute('aria-controls')).toBe('timeline-body');
    await view.keyboard.press('Enter');
    await expect.poll(() => history.getAttribute('aria-expanded')).toBe('false');
    expect(await view.locator('#timeline-body').count()).toBe(0);
    // The count beside a folded title stays in sight.
    const promises = view.getByRole('button', { name: /^Open commitments/ });
    await promises.focus();
    await view.keyboard.press('Space');
    await expect.poll(() => view.locator('#commitments-body').count()).toBe(0);
    expect(await view.getByTestId('open-commitments').innerText()).toMatch(/^\d+$/);
    await view.close();

    // Another sidebar (another thread) draws them folded from its first frame.
    const next = await hostSidebar(ext, context(DEMO_ADDRESSES.watch, 'calm-folded'), { width: WIDTH, height: HEIGHT });
    await next.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    await next.getByTestId('timeline').waitFor({ timeout: 20_000 });
    expect(await next.getByRole('button', { name: 'History', exact: true }).getAttribute('aria-expanded')).toBe('false');
    expect(await next.locator('#timeline-body, #commitments-body').count()).toBe(0);
    // Unfolded again, for the tests that follow.
    await next.getByRole('button', { name: 'History', exact: true }).press('Enter');
    await next.getByRole('button', { name: /^Open commitments/ }).press('Enter');
    await next.locator('#commitments-body').waitFor();
    await next.locator('#timeline-body').waitFor();
    await next.close();
  });
});

describe('in other languages', () => {
  it.each([
    ['ru', DEMO_ADDRESSES.watch],
    ['id', DEMO_ADDRESSES.atRisk],
  ] as const)('%s: the glance reads in that language, the note within the first screen', async (language, email) => {
    await pickLanguage(ext, language);
    const view = await open(email);
    await expect.poll(() => view.evaluate(() => document.documentElement.lang)).toBe(language);
    await view.getByTestId('timeline').waitFor({ timeout: 20_000 });
    await view.page.locator('#crm').screenshot({ path: await screenshotPath(`sidebar-${language}.png`) });
    // Longer words take more lines: the note's text box, at least, is in the first screen.
    expect(await view.evaluate(() => document.querySelector('[aria-labelledby="note-heading"] textarea')!.getBoundingClientRect().bottom + scrollY)).toBeLessThanOrEqual(HEIGHT);
    await view.close();
  });

  afterAll(() => pickLanguage(ext, ''));
});
