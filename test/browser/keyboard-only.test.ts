import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commitment, LookupMatch, TimelinePage } from '../../lib/api';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { crmApi } from './support/crm-api';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { configureForMail, openGmail, routeGmail, switchView } from './support/mail-pages';

// A salesperson who works with the keyboard alone: from a badge in the inbox list to its reasons,
// then into the sidebar of the open email to write a note and mark a promise kept. No clicks,
// no `focus()` from the test: only keys (the email is opened the way Gmail swaps its view).

const BADGE = '[data-crm-overlay="badge"]';
const CARD = '[data-crm-overlay="popover"]';
const FRAME = 'iframe[data-crm-overlay="sidebar"]';
const THREAD_HASH = '#inbox/FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx';

let crm: RunningCrm;
let ext: LaunchedExtension;

const api = <T>(path: string, body?: unknown) => crmApi<T>(crm, path, body === undefined ? {} : { method: 'POST', body });

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await configureForMail(ext, crm.url, crm.token);
  await routeGmail(ext.context, 'inbox-default-tabs.html');
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

/** What has the keyboard focus: in the mail page, or in the sidebar's document. */
interface Focused { where: 'page' | 'sidebar'; tag: string; name: string; badge: boolean }

async function focused(page: Page, sidebar: Frame | null): Promise<Focused> {
  const inFrame = await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, FRAME);
  const target = inFrame && sidebar ? sidebar : page;
  const found = await target.evaluate((badge) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', name: '', badge: false };
    const labelled = el.getAttribute('aria-labelledby');
    const name = el.getAttribute('aria-label')
      ?? (labelled ? document.getElementById(labelled)?.textContent : null)
      ?? ((el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '');
    return { tag: el.tagName.toLowerCase(), name: name.trim(), badge: el.matches(badge) };
  }, BADGE);
  return { where: inFrame ? 'sidebar' : 'page', ...found };
}

/** Presses `key` until `wanted` holds for what has the focus; what has it then, or null. */
async function pressUntil(page: Page, sidebar: Frame | null, key: string, wanted: (f: Focused) => boolean, max = 300): Promise<Focused | null> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page, sidebar);
    if (wanted(now)) return now;
  }
  return null;
}

describe('keyboard only', () => {
  let page: Page;

  afterAll(async () => page?.close());

  it('reaches a badge in the list and opens its reasons', async () => {
    page = await openGmail(ext.context, 'https://mail.google.com/mail/u/0/#inbox');
    await page.waitForSelector(BADGE, { timeout: 30_000 });
    const badge = await pressUntil(page, null, 'Tab', (f) => f.badge, 400);
    expect(badge).not.toBeNull();
    const card = () => page.evaluate((sel) => document.querySelector(sel)?.shadowRoot?.textContent ?? null, CARD);
    await expect.poll(card).not.toBeNull();
    expect(await card()).toContain(badge?.name.split(':')[0]);
    await page.keyboard.press('Escape');
    await expect.poll(card).toBeNull();
  });

  it('writes a note and marks a promise done in the sidebar of the open email', async () => {
    const [match] = (await api<{ results: LookupMatch[] }>('/v1/lookup', { emails: [DEMO_ADDRESSES.atRisk] })).results;
    if (!match || match.match !== 'contact') throw new Error('the demo data has no contact for the at-risk address');
    const accountId = match.account.id;
    const open = (await api<{ items: Commitment[] }>(`/v1/accounts/${accountId}/commitments`)).items;
    expect(open.length).toBeGreaterThan(0);

    await switchView(page, 'thread-five-messages.html', THREAD_HASH);
    const frame = await (await page.waitForSelector(FRAME, { timeout: 30_000 })).contentFrame();
    if (!frame) throw new Error('the sidebar has no frame');
    await frame.getByTestId('contact-name').waitFor({ timeout: 30_000 });
    await frame.getByTestId('commitment').first().waitFor({ timeout: 30_000 });

    // Into the sidebar from the mail page, and on to the note's text.
    const text = await pressUntil(page, frame, 'Tab', (f) => f.where === 'sidebar' && f.tag === 'textarea');
    expect(text?.name).toBe('What happened');
    const note = `Keyboard only: agreed to call back on Friday ${Date.now()}`;
    await page.keyboard.type(note);
    // Save is reached with Tab, through the promise and its date, and pressed with Enter.
    const save = await pressUntil(page, frame, 'Tab', (f) => f.where === 'sidebar' && f.tag === 'button', 12);
    expect(save?.name).toBe('Save note');
    await page.keyboard.press('Enter');
    await expect.poll(async () => {
      const timeline = await api<TimelinePage>(`/v1/accounts/${accountId}/timeline?limit=100`);
      return timeline.items.some((item) => item.summary === note);
    }, { timeout: 20_000 }).toBe(true);
    // What was sent is cleared; the focus stays where it was.
    expect((await focused(page, frame)).name).toBe('Save note');

    // Back up to a promise's Done button, and Space presses it.
    const done = await pressUntil(page, frame, 'Shift+Tab', (f) => f.where === 'sidebar' && f.name.startsWith('Mark done: '), 40);
    expect(done).not.toBeNull();
    const promised = open.find((c) => done?.name.includes(c.text));
    expect(promised).toBeDefined();
    await page.keyboard.press('Space');
    await expect.poll(async () => {
      const all = (await api<{ items: Commitment[] }>(`/v1/accounts/${accountId}/commitments?status=all`)).items;
      return all.find((c) => c.id === promised?.id)?.status;
    }, { timeout: 20_000 }).toBe('done');
    // Undo took the place of Done, and the focus with it.
    expect((await focused(page, frame)).name).toMatch(/^Undo/);
  });
});
