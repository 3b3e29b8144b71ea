import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDetail, Commitment, LookupMatch } from '../../lib/api';
import { PROBLEM_KINDS } from '../../lib/api';
import type { SidebarContextInput } from '../../lib/messaging/sidebar-context';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { crmApi } from './support/crm-api';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { connectThroughOptions } from './support/options-page';
import { screenshotPath } from './support/screenshots';
import { hostSidebar, type SidebarView } from './support/sidebar-host';

/** Semen Gunung Kapur's other two contacts (server/seed/demo-accounts-asia.ts). */
const RUDI = 'rudi.hartono@semengunungkapur.co.id';
/** The single-threaded demo account: only its managing director is ever in touch. */
const SINGLE_THREADED = 'ck.lim@tanlim.com.my';

let crm: RunningCrm;
let ext: LaunchedExtension;

const api = <T>(path: string, body?: unknown) => crmApi<T>(crm, path, body === undefined ? {} : { method: 'POST', body });
async function accountOf(email: string): Promise<AccountDetail> {
  const [match] = (await api<{ results: LookupMatch[] }>('/v1/lookup', { emails: [email] })).results;
  if (!match || match.match === 'unknown') throw new Error(`${email} is not known`);
  return api<AccountDetail>(`/v1/accounts/${match.account.id}`);
}

function context(over: Partial<SidebarContextInput> = {}): SidebarContextInput {
  return {
    site: 'outlook', threadId: 'glance-thread', subject: 'Service review', sentAt: null,
    participants: [
      { name: 'Hendra Wijaya', email: DEMO_ADDRESSES.atRisk },
      { name: 'Rudi Hartono', email: RUDI },
      { name: '', email: DEMO_ADDRESSES.unknown },
    ],
    nameOnly: [{ name: 'SARI, Yuliana' }, { name: 'Nobody We Know' }],
    ...over,
  };
}

/** The sidebar as a mail page hosts it, once it shows the first person of `ctx`. */
async function open(ctx: SidebarContextInput): Promise<SidebarView> {
  const page = await hostSidebar(ext, ctx);
  await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
  return page;
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

describe('the client at a glance', () => {
  it('heads with the contact, account, stage, owner and team, and the last contact against the rhythm', async () => {
    const { account, summary, contacts } = await accountOf(DEMO_ADDRESSES.atRisk);
    const page = await open(context());
    const hendra = contacts.find((c) => c.emails.includes(DEMO_ADDRESSES.atRisk));
    expect(await page.getByTestId('contact-name').innerText()).toBe(hendra?.name);
    expect(await page.locator('.contact-role').innerText()).toBe(hendra?.role);
    expect(await page.getByTestId('account-name').innerText()).toBe(account.name);
    expect(await page.getByRole('list', { name: /^Step \d of 6: / }).locator('[aria-current="step"]').count()).toBe(1);
    expect(await page.getByTestId('owner').innerText()).toBe(account.owner?.name);
    await expect.poll(() => page.getByTestId('team').count()).toBe(account.team.some((m) => m.id !== account.owner?.id) ? 1 : 0);
    const last = await page.getByTestId('last-contact').innerText();
    expect(last).toMatch(/^(⏰ )?Last contact (today|yesterday|\d+ days ago)/);
    if (summary.cadenceDays) expect(last).toContain(`usually every ${summary.cadenceDays} days`);
    await page.close();
  });

  it('lists the risk reasons, the open commitments overdue first, and how they like to work', async () => {
    const { account, summary } = await accountOf(DEMO_ADDRESSES.atRisk);
    const listed = (await api<{ items: Commitment[] }>(`/v1/accounts/${account.id}/commitments`)).items;
    const page = await open(context());
    expect(await page.locator('#risk').getAttribute('data-risk')).toBe(summary.risk.level);
    expect(await page.locator('#risk [data-reason]').evaluateAll((els) => els.map((e) => e.getAttribute('data-reason'))))
      .toEqual(summary.risk.reasons.map((r) => r.code));
    const expected = [...listed].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999')).map((c) => c.text);
    await expect.poll(() => page.getByTestId('commitment').locator('.commitment-text').allInnerTexts(), { timeout: 20_000 })
      .toEqual(expected.map((text) => expect.stringContaining(text)));
    const overdue = page.getByTestId('commitment').filter({ hasText: 'overdue: was due' });
    expect(await overdue.count()).toBe(summary.overdueCommitments);
    if (account.specialTerms) await page.getByTestId('preferences').getByText(account.specialTerms).waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('groups the history by day, marks problems in words, filters by kind and loads older pages', async () => {
    const page = await open(context());
    const items = page.getByTestId('timeline-item');
    await items.first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.day-heading').count()).toBeGreaterThan(1);
    for (const item of await page.locator(PROBLEM_KINDS.map((k) => `[data-testid="timeline-item"][data-kind="${k}"]`).join(', ')).all()) {
      expect(await item.innerText()).toMatch(/^⚠\s*Problem: /);
    }
    const firstPage = await items.count();
    await page.getByRole('button', { name: 'Show older' }).click();
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBeGreaterThan(firstPage);

    await page.getByLabel('Show').selectOption('problems');
    await expect.poll(async () => {
      const kinds = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      return kinds.length > 0 && kinds.every((k) => (PROBLEM_KINDS as readonly (string | null)[]).includes(k));
    }, { timeout: 20_000 }).toBe(true);
    await page.close();
  });
});

describe('people in the thread', () => {
  it('shows every participant with its match, names shown alone as "probably", and switches person by keyboard', async () => {
    const page = await open(context());
    const people = page.getByTestId('participants');
    expect(await people.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-match'))))
      .toEqual(['contact', 'contact', 'unknown', 'probably', 'name-only']);
    expect(await people.locator('li[data-match="probably"]').innerText()).toContain('probably Yuliana Sari');
    const unknown = people.getByRole('button', { name: new RegExp(DEMO_ADDRESSES.unknown.replace('.', '\\.')) });
    await unknown.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Not in your CRM' }).waitFor();
    expect(await unknown.getAttribute('aria-pressed')).toBe('true');
    expect(await unknown.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.close();
  });

  it('says when we only ever talk to one person at the client, and shows no risk for a healthy one', async () => {
    const single = await open(context({ participants: [{ name: '', email: SINGLE_THREADED }], nameOnly: [] }));
    await single.getByTestId('single-threaded').waitFor();
    await single.close();
    const several = await open(context({ participants: [{ name: '', email: DEMO_ADDRESSES.healthy }], nameOnly: [] }));
    await several.getByTestId('participants').waitFor();
    expect(await several.getByTestId('single-threaded').count()).toBe(0);
    // A healthy client has no risk section at all.
    expect(await several.locator('#risk').count()).toBe(0);
    await several.close();
  });
});

describe('screenshots', () => {
  it.each(['light', 'dark'] as const)('follows the mail page’s %s theme', async (theme) => {
    const page = await open(context({ theme, nameOnly: [] }));
    await page.getByTestId('timeline-item').first().waitFor({ timeout: 20_000 });
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe(theme === 'dark' ? 'rgb(21, 27, 35)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: await screenshotPath(`sidebar-${theme}.png`), fullPage: true });
    await page.close();
  });
});
