import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction, LookupMatch } from '../../lib/api';
import type { SidebarContextInput } from '../../lib/messaging/sidebar-context';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { crmApi } from './support/crm-api';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { connectThroughOptions } from './support/options-page';
import { hostSidebar } from './support/sidebar-host';

// "Log this email" logs when the email was sent, never the time of the click: the page's own
// date when the content script could read it, otherwise the one the user enters.

let crm: RunningCrm;
let ext: LaunchedExtension;
const DAY = 24 * 3600_000;

const api = <T>(path: string, body?: unknown) => crmApi<T>(crm, path, body === undefined ? {} : { method: 'POST', body });
async function known(email: string) {
  const match = (await api<{ results: LookupMatch[] }>('/v1/lookup', { emails: [email] })).results[0];
  if (!match || (match.match !== 'contact' && match.match !== 'account-domain')) throw new Error(`${email} is not known`);
  return match.account;
}
const loggedIn = async (accountId: string, threadId: string) =>
  (await api<{ items: Interaction[] }>(`/v1/accounts/${accountId}/timeline?limit=100`)).items.filter((i) => i.threadId === threadId);

const thread = (email: string, sentAt: string | null): SidebarContextInput => ({
  site: 'gmail', threadId: `thread-${Math.random().toString(36).slice(2)}`, subject: `Renewal ${Date.now()}`, sentAt,
  participants: [{ name: '', email }],
});

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await connectThroughOptions(ext, crm.url, crm.token);
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

describe('Log this email: the time it was sent', () => {
  it('logs the date the page showed, and says it', async () => {
    const account = await known(DEMO_ADDRESSES.healthy);
    const context = thread(DEMO_ADDRESSES.healthy, '2026-11-20T16:30:00+07:00');
    const view = await hostSidebar(ext, context);
    await view.getByTestId('log-sent').waitFor({ timeout: 20_000 });
    expect(await view.getByTestId('log-sent').textContent()).toMatch(/^Sent .*2026/);
    expect(await view.getByTestId('log-sent-at').count()).toBe(0);
    await view.getByRole('button', { name: 'Log this email' }).click();
    await view.getByTestId('thread-logged').waitFor({ timeout: 20_000 });
    expect(await loggedIn(account.id, context.threadId)).toEqual([expect.objectContaining({ kind: 'email', occurredAt: '2026-11-20T09:30:00.000Z' })]);
    await view.close();
  });

  it("reads the page's own date texts in the sidebar (the content script passes them as written) and logs that minute", async () => {
    const account = await known(DEMO_ADDRESSES.healthy);
    const context = { ...thread(DEMO_ADDRESSES.healthy, null), sentText: ['nonsense', 'Tue, Nov 4, 2025, 3:12 PM'] };
    const view = await hostSidebar(ext, context);
    await view.getByTestId('log-sent').waitFor({ timeout: 20_000 });
    expect(await view.getByTestId('log-sent').textContent()).toMatch(/^Sent .*2025/);
    expect(await view.getByTestId('log-sent-at').count()).toBe(0);
    await view.getByRole('button', { name: 'Log this email' }).click();
    await view.getByTestId('thread-logged').waitFor({ timeout: 20_000 });
    const expected = await view.evaluate(() => new Date(2025, 10, 4, 15, 12).toISOString());
    expect(await loggedIn(account.id, context.threadId)).toEqual([expect.objectContaining({ kind: 'email', occurredAt: expected })]);
    await view.close();
  });

  it('asks when the page showed no date it could read, refuses nothing or the future, and logs what was entered', async () => {
    const account = await known(DEMO_ADDRESSES.healthy);
    // Date texts that do not read as a minute are the same as none.
    const context = { ...thread(DEMO_ADDRESSES.healthy, null), sentText: ['yesterday-ish'] };
    const view = await hostSidebar(ext, context);
    const field = view.getByLabel('When was it sent?');
    await field.waitFor({ timeout: 20_000 });
    expect(await field.inputValue()).toBe('');
    const button = view.getByRole('button', { name: 'Log this email' });
    await button.click();
    await view.getByText('Enter the date and time the email was sent.').waitFor();
    await field.fill(await view.evaluate(() => {
      const later = new Date(Date.now() + 2 * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T10:00`;
    }));
    await button.click();
    await view.getByText('That time is still to come. Enter when the email was sent.').waitFor();
    expect(await loggedIn(account.id, context.threadId)).toEqual([]);
    await field.fill('2026-11-01T10:15');
    await button.click();
    await view.getByTestId('thread-logged').waitFor({ timeout: 20_000 });
    const expected = await view.evaluate(() => new Date(2026, 10, 1, 10, 15).toISOString());
    expect(await loggedIn(account.id, context.threadId)).toEqual([expect.objectContaining({ kind: 'email', occurredAt: expected })]);
    await view.close();
  });

  it('keeps the risk of a client past its agreed rhythm when an old email of theirs is logged', async () => {
    const before = await known(DEMO_ADDRESSES.watch);
    const silence = before.risk.reasons.find((r) => r.code === 'silence');
    if (!silence || silence.code !== 'silence') throw new Error('the demo account to watch is not silent');
    // Older than the agreed rhythm, newer than the last contact on file.
    const daysAgo = silence.expectedDays + 2;
    expect(daysAgo).toBeLessThan(silence.days);
    const context = thread(DEMO_ADDRESSES.watch, new Date(Date.now() - daysAgo * DAY).toISOString());
    const view = await hostSidebar(ext, context);
    await view.getByRole('button', { name: 'Log this email' }).click();
    await view.getByTestId('thread-logged').waitFor({ timeout: 20_000 });
    const after = await known(DEMO_ADDRESSES.watch);
    expect(after.risk.level).not.toBe('ok');
    expect(after.risk.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'silence', days: daysAgo })]));
    await view.close();
  });
});
