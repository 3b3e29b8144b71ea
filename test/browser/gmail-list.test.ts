import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEnglishMessage } from '../support/i18n-shim';
import { startCountingProxy, type CountingProxy } from './support/counting-proxy';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { configureForMail, fixturePage, openGmail, rerenderList, routeGmail } from './support/mail-pages';
import type { LookupMatch } from '../../lib/api';

const BADGE = '[data-crm-overlay="badge"]';

let crm: RunningCrm;
let proxy: CountingProxy;
let ext: LaunchedExtension;
let gmail: Awaited<ReturnType<typeof routeGmail>>;

beforeAll(async () => {
  crm = await startCrmServer();
  // The extension talks to the CRM through a proxy that counts its requests.
  proxy = await startCountingProxy(crm.url);
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await configureForMail(ext, proxy.url, crm.token);
  gmail = await routeGmail(ext.context, 'inbox-default-tabs.html');
  // The first read of the changes feed marks every cached account stale and has open tabs look
  // again; let it finish first, so the lookups counted below are the page's own.
  await firstFeedRead();
});

/** Waits until the background has read the changes feed once (its cursor is stored). */
async function firstFeedRead(): Promise<void> {
  await ext.worker.evaluate(() => new Promise<void>((done, fail) => {
    const deadline = Date.now() + 30_000;
    const again = () => (Date.now() > deadline ? fail(new Error('the changes feed was never read')) : setTimeout(check, 100));
    async function check() {
      // Opened only once the background made it, so this never creates (or upgrades) it.
      if (!(await indexedDB.databases()).some((d) => d.name === 'crm')) return again();
      const open = indexedDB.open('crm');
      open.onerror = again;
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('status')) return (db.close(), again());
        const read = db.transaction('status').objectStore('status').get('status');
        read.onsuccess = () => {
          db.close();
          if ((read.result as { changesCursor?: string | null } | undefined)?.changesCursor) done();
          else again();
        };
        read.onerror = () => (db.close(), again());
      };
    }
    void check();
  }));
}

afterAll(async () => {
  await ext?.close();
  await proxy?.stop();
  await crm?.stop();
});

/** The reasons' English wording, from the project's own describe functions over the English messages. */
async function englishDescribe() {
  Object.assign(globalThis, { chrome: { runtime: {}, i18n: { getMessage: getEnglishMessage, getUILanguage: () => 'en' } } });
  return import('../../lib/risk/describe');
}

/** What the CRM says about addresses, straight from its API (not through the extension). */
async function lookUp(emails: string[]): Promise<LookupMatch[]> {
  const response = await fetch(`${crm.url}/v1/lookup`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ emails }),
  });
  return ((await response.json()) as { results: LookupMatch[] }).results;
}

/**
 * The badges a fixture's list should get, worked out from the served page and the CRM: per row,
 * the first sender of each account whose level is not ok.
 */
async function expectedBadges(fixture: string): Promise<{ email: string; level: string; account: LookupMatch & { match: 'contact' | 'account-domain' } }[]> {
  const html = await fixturePage(fixture);
  const rows = [...html.matchAll(/<tr class="zA[\s\S]*?<\/tr>/g)].map((m) =>
    [...new Set([...m[0].matchAll(/ email="([^"]+)"/g)].map((e) => (e[1] ?? '').toLowerCase()))].filter((e) => !e.endsWith('@arusdata.example')),
  );
  const answers = new Map((await lookUp([...new Set(rows.flat())])).map((r) => [r.email, r]));
  const out: Awaited<ReturnType<typeof expectedBadges>> = [];
  for (const row of rows) {
    const seen = new Set<string>();
    for (const email of row) {
      const answer = answers.get(email);
      if (!answer || answer.match === 'unknown' || answer.account.risk.level === 'ok' || seen.has(answer.account.id)) continue;
      seen.add(answer.account.id);
      out.push({ email, level: answer.account.risk.level, account: answer });
    }
  }
  return out;
}

async function badgeCount(page: Page, n: number): Promise<void> {
  await page.waitForFunction(([selector, count]) => document.querySelectorAll(selector).length === count, [BADGE, n] as const, { timeout: 30_000 });
}

describe('Gmail list: risk badges', () => {
  let page: Page;
  let expected: Awaited<ReturnType<typeof expectedBadges>>;

  it('puts a badge before each sender whose client is to watch or at risk, with the reasons in its label', async () => {
    expected = await expectedBadges('inbox-default-tabs.html');
    // The mapping gives this page an at-risk client and one to watch (two of whose people share a row).
    expect(expected.map((b) => b.level).sort()).toEqual(['at-risk', 'watch']);
    const { describeRisk } = await englishDescribe();

    page = await openGmail(ext.context, 'https://mail.google.com/mail/u/0/#inbox');
    await badgeCount(page, expected.length);
    for (const { email, level, account } of expected) {
      const badge = page.locator(`${BADGE}[data-email="${email}"]`);
      expect(await badge.getAttribute('data-risk')).toBe(level);
      const label = `${account.account.name}: ${describeRisk(account.account.risk.level, account.account.risk.reasons)}`;
      expect(await badge.getAttribute('aria-label')).toBe(label);
      // Reachable by keyboard; the reasons' card replaces a native tooltip.
      expect(await badge.getAttribute('title')).toBeNull();
      expect(await badge.getAttribute('role')).toBe('button');
      expect(await badge.getAttribute('tabindex')).toBe('0');
      // Right before that sender's name, inside the row.
      expect(await badge.evaluate((el) => el.nextElementSibling?.getAttribute('email')?.toLowerCase())).toBe(email);
    }
    expect(proxy.count('POST', '/v1/lookup')).toBe(1);
  });

  it('keeps the badges when Gmail re-renders the rows, without asking the CRM again', async () => {
    await page.evaluate((selector) => document.querySelectorAll(selector).forEach((el) => el.setAttribute('data-before-rerender', '')), BADGE);
    await rerenderList(page, 'inbox-default-tabs.html');
    await page.waitForFunction((selector) => {
      const badges = [...document.querySelectorAll(selector)];
      return badges.length > 0 && badges.every((el) => !el.hasAttribute('data-before-rerender'));
    }, BADGE, { timeout: 30_000 });
    await badgeCount(page, expected.length);
    for (const { email, level } of expected) {
      expect(await page.locator(`${BADGE}[data-email="${email}"]`).getAttribute('data-risk')).toBe(level);
    }
    expect(proxy.count('POST', '/v1/lookup')).toBe(1);
  });

  it('badges search results too, with one more lookup for their new addresses', async () => {
    const search = await expectedBadges('search-results.html');
    gmail.serve('search-results.html');
    const other = await openGmail(ext.context, 'https://mail.google.com/mail/u/0/#search/invoice');
    await badgeCount(other, search.length);
    for (const { email, level } of search) {
      expect(await other.locator(`${BADGE}[data-email="${email}"]`).getAttribute('data-risk')).toBe(level);
    }
    // Known addresses come from the background's cache; only the new ones cost one more request.
    expect(proxy.count('POST', '/v1/lookup')).toBe(2);
    await other.close();
  });

  it('badges a label view from the background\'s cache, without another request to the CRM', async () => {
    gmail.serve('inbox-default-tabs.html');
    const other = await openGmail(ext.context, 'https://mail.google.com/mail/u/0/#label/Clients%2FPetrovsky');
    await badgeCount(other, expected.length);
    for (const { email, level } of expected) {
      expect(await other.locator(`${BADGE}[data-email="${email}"]`).getAttribute('data-risk')).toBe(level);
    }
    expect(proxy.count('POST', '/v1/lookup')).toBe(2);
    await other.close();
  });

  it.each(['reading-pane-right.html', 'conversation-view-off.html'])('shows list badges and the sidebar together on %s, on the second account', async (fixture) => {
    const wanted = await expectedBadges(fixture);
    gmail.serve(fixture);
    const other = await openGmail(ext.context, 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx');
    await other.locator('iframe[data-crm-overlay="sidebar"]').waitFor({ timeout: 30_000 });
    await badgeCount(other, wanted.length);
    // With conversation view off one person can send several rows, each with its badge.
    for (const { email, level } of wanted) {
      const badges = await other.locator(`${BADGE}[data-email="${email}"]`).all();
      expect(badges).toHaveLength(wanted.filter((w) => w.email === email).length);
      for (const badge of badges) expect(await badge.getAttribute('data-risk')).toBe(level);
    }
    await other.close();
  });
});
