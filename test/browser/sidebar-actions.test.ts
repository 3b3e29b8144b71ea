import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commitment, Interaction, LookupMatch } from '../../lib/api';
import type { SidebarContextInput } from '../../lib/messaging/sidebar-context';
import { DEMO_ADDRESSES, DEMO_MAIN_USER } from '../../server/seed/demo';
import { crmApi } from './support/crm-api';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { connectThroughOptions, pickLanguage } from './support/options-page';
import { hostSidebar, type SidebarView } from './support/sidebar-host';
import ru from '../../public/_locales/ru/messages.json';

let crm: RunningCrm;
let ext: LaunchedExtension;

const api = <T>(path: string, init: { method?: string; body?: unknown } = {}) => crmApi<T>(crm, path, init);
const lookUp = async (email: string) => (await api<{ results: LookupMatch[] }>('/v1/lookup', { method: 'POST', body: { emails: [email] } })).results[0];
const accountIdOf = async (email: string) => {
  const match = await lookUp(email);
  if (!match || match.match === 'unknown') throw new Error(`${email} is not known`);
  return match.account.id;
};
const openCommitments = async (accountId: string) => (await api<{ items: Commitment[] }>(`/v1/accounts/${accountId}/commitments?status=all`)).items;
const timeline = async (accountId: string) => (await api<{ items: Interaction[] }>(`/v1/accounts/${accountId}/timeline?limit=100`)).items;

function threadContext(over: Partial<SidebarContextInput> = {}): SidebarContextInput {
  return {
    site: 'gmail',
    threadId: `thread-${Math.random().toString(36).slice(2)}`,
    subject: 'Plant 3 service model',
    sentAt: '2026-11-20T09:30:00.000Z',
    participants: [{ name: 'Hendra Wijaya', email: DEMO_ADDRESSES.atRisk }],
    ...over,
  };
}

/** The sidebar as a mail page hosts it, handed `context` as its content script would. */
const openThread = (context: SidebarContextInput): Promise<SidebarView> => hostSidebar(ext, context);

/**
 * The sidebar in a stand-in mail page that answers its requests for the messages' text with
 * `body` (after an answer to another request id, which the sidebar must ignore).
 */
async function openMailPage(context: SidebarContextInput, body: string): Promise<{ page: SidebarView; frame: SidebarView }> {
  const view = await hostSidebar(ext, context, { body });
  return { page: view, frame: view };
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

describe('commitments', () => {
  it('marks one done at once, and Undo opens it again; the CRM follows both', async () => {
    const accountId = await accountIdOf(DEMO_ADDRESSES.atRisk);
    const before = (await openCommitments(accountId)).filter((c) => c.status === 'open');
    const target = before[0];
    if (!target) throw new Error('the demo account has no open commitment');
    const page = await openThread(threadContext());
    const row = page.getByTestId('commitment').filter({ hasText: target.text });
    // By keyboard: the button that replaces the one pressed takes the focus.
    await row.getByRole('button', { name: `Mark done: "${target.text}"` }).focus();
    await page.keyboard.press('Enter');
    // Shown as done straight away, whatever the CRM has said so far.
    const undo = row.getByRole('button', { name: `Undo: mark "${target.text}" open again` });
    await undo.waitFor();
    expect(await row.getAttribute('data-status')).toBe('done');
    await expect.poll(() => undo.evaluate((button) => button === document.activeElement)).toBe(true);
    await expect.poll(async () => (await openCommitments(accountId)).find((c) => c.id === target.id)?.status, { timeout: 20_000 }).toBe('done');

    await page.keyboard.press('Enter');
    const markDone = row.getByRole('button', { name: `Mark done: "${target.text}"` });
    await markDone.waitFor();
    await expect.poll(() => markDone.evaluate((button) => button === document.activeElement)).toBe(true);
    await expect.poll(async () => (await openCommitments(accountId)).find((c) => c.id === target.id), { timeout: 20_000 })
      .toMatchObject({ status: 'open', version: target.version + 2 });
    await page.close();
  });

  it('adds one, owned by me unless I choose another, and lists it with the others', async () => {
    const accountId = await accountIdOf(DEMO_ADDRESSES.atRisk);
    const page = await openThread(threadContext());
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    await page.getByLabel('What we promised').fill('Send the revised SLA to Hendra');
    await page.getByLabel('Due date (optional)').fill('2031-01-15');
    expect(await page.getByLabel('Owner').locator('option:checked').innerText()).toBe(`Me (${DEMO_MAIN_USER.name})`);
    await page.getByRole('button', { name: 'Save commitment' }).click();
    await page.getByTestId('commitment').filter({ hasText: 'Send the revised SLA to Hendra' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Add a commitment' }).evaluate((button) => button === document.activeElement)).toBe(true);
    await expect.poll(async () => (await openCommitments(accountId)).filter((c) => c.text === 'Send the revised SLA to Hendra'), { timeout: 20_000 })
      .toEqual([expect.objectContaining({ dueDate: '2031-01-15', status: 'open', owner: expect.objectContaining({ email: DEMO_MAIN_USER.email }) })]);
    await page.close();
  });

  it('says when someone else changed one first, shows it as it is now, and lets the refused change go', async () => {
    const email = 'ahmad.zulkifli@rakyatmaju.com.my';
    const accountId = await accountIdOf(email);
    const text = 'Call the plant manager';
    const { commitment } = await api<{ commitment: Commitment }>('/v1/commitments', { method: 'POST', body: { accountId, text, dueDate: '2031-03-01' } });
    const page = await openThread(threadContext({ participants: [{ name: '', email }] }));
    await page.getByTestId('commitment').filter({ hasText: text }).waitFor({ timeout: 20_000 });
    // A colleague edits it; this sidebar still shows the version before.
    await api(`/v1/commitments/${commitment.id}`, { method: 'PATCH', body: { version: commitment.version, text: `${text} on Monday` } });
    await page.getByRole('button', { name: `Mark done: "${text}"` }).click();
    const refused = page.getByTestId('commitments').locator('[data-testid="write-status"][data-state="failed"]');
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.innerText()).toContain('Someone else changed this record in the meantime');
    expect(await refused.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    const current = page.getByTestId('commitment').filter({ hasText: `${text} on Monday` });
    await current.waitFor();
    expect(await current.getAttribute('data-status')).toBe('open');
    await refused.getByRole('button', { name: 'Discard' }).click();
    await refused.waitFor({ state: 'detached' });
    expect((await openCommitments(accountId)).find((c) => c.id === commitment.id)).toMatchObject({ status: 'open', version: commitment.version + 1 });
    await page.close();
  });

  it('refuses an empty one and says what is missing', async () => {
    const page = await openThread(threadContext());
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    await page.getByRole('button', { name: 'Save commitment' }).click();
    expect(await page.getByRole('alert').first().innerText()).toContain('Fill this in.');
    await page.close();
  });
});

describe('quick note', () => {
  it('is pending, then saved, reaches the CRM exactly once, and its promise becomes a commitment', async () => {
    const accountId = await accountIdOf(DEMO_ADDRESSES.atRisk);
    const page = await openThread(threadContext());
    const text = `Call with Hendra about plant 3 ${Date.now()}`;
    await page.getByRole('radio', { name: 'Call' }).check();
    await page.getByLabel('What happened').fill(text);
    await page.getByLabel('We promised… (optional)').fill(`Visit plant 3 (${text})`);
    await page.getByLabel('Promised by (optional)').fill('2031-02-01');
    // Every state the note's status goes through, recorded as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { states: string[] }).states = seen;
      new MutationObserver(() => {
        const state = document.querySelector('[data-testid="write-status"]')?.getAttribute('data-state');
        if (state && seen[seen.length - 1] !== state) seen.push(state);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // Pressed twice at once, as an impatient hand does, while the first send is still being checked.
    await page.getByLabel('We promised… (optional)').evaluate((field) => {
      for (let i = 0; i < 2; i++) field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    });
    const status = page.getByTestId('write-status').filter({ hasText: text });
    await status.and(page.locator('[data-state="saved"]')).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { states: string[] }).states)).toEqual(['pending', 'saved']);
    expect(await page.getByLabel('What happened').inputValue()).toBe('');

    const logged = (await timeline(accountId)).filter((i) => i.summary === text);
    expect(logged).toEqual([expect.objectContaining({ kind: 'call', author: expect.objectContaining({ email: DEMO_MAIN_USER.email }) })]);
    expect((await openCommitments(accountId)).filter((c) => c.text === `Visit plant 3 (${text})`))
      .toEqual([expect.objectContaining({ dueDate: '2031-02-01', sourceInteractionId: logged[0]?.id })]);
    // The timeline shows it once the CRM has it.
    await page.getByTestId('timeline-item').filter({ hasText: text }).waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('keeps what was typed and says why when the note is empty', async () => {
    const page = await openThread(threadContext());
    await page.getByLabel('We promised… (optional)').fill('Send the price list');
    await page.getByRole('button', { name: 'Save note' }).click();
    expect(await page.getByRole('alert').first().innerText()).toContain('Write what happened first.');
    expect(await page.getByLabel('We promised… (optional)').inputValue()).toBe('Send the price list');
    await page.close();
  });

  it('takes its date as the chosen language writes dates, and sends the CRM the day', async () => {
    await pickLanguage(ext, 'ru');
    try {
      const accountId = await accountIdOf(DEMO_ADDRESSES.atRisk);
      const page = await openThread(threadContext());
      const promise = `Привезти образцы ${Date.now()}`;
      await page.getByLabel(ru.sidebar_note_text.message).fill('Созвонились с Хендрой');
      await page.getByLabel(ru.sidebar_note_promise.message).fill(promise);
      const due = page.getByLabel(ru.sidebar_note_due.message);
      expect(await due.getAttribute('placeholder')).toBe('ДД.ММ.ГГГГ');
      expect(await due.getAttribute('type')).toBe('text');
      expect(await due.getAttribute('inputmode')).toBe('numeric');
      const hint = await due.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent);
      expect(hint).toBe('ДД.ММ.ГГГГ, например 31.12.2026');
      await due.fill('31.02.2030');
      await due.press('Control+Enter');
      expect(await page.getByRole('alert').first().innerText()).toBe('Введите дату, например 31.12.2026.');
      expect(await due.inputValue()).toBe('31.02.2030');
      await due.fill('31.12.2030');
      await due.press('Control+Enter');
      await expect.poll(async () => (await openCommitments(accountId)).filter((c) => c.text === promise), { timeout: 20_000 })
        .toEqual([expect.objectContaining({ dueDate: '2030-12-31' })]);
      await page.close();
    } finally {
      await pickLanguage(ext, '');
    }
  });
});

describe('inside the mail page', () => {
  it('focuses the note and shows the risk when the mail page asks', async () => {
    const { page, frame } = await openMailPage(threadContext(), '');
    await frame.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    await page.send({ type: 'crm:focus-note' });
    await frame.waitForFunction(() => document.activeElement?.id !== undefined && document.activeElement === document.querySelector('textarea'));
    await page.send({ type: 'crm:show-risk' });
    await frame.waitForFunction(() => document.activeElement?.id === 'risk');
    await page.close();
  });

  it('logs the email without its text, and the thread then shows as logged', async () => {
    const accountId = await accountIdOf(DEMO_ADDRESSES.atRisk);
    const context = threadContext({ subject: `Renewal terms ${Date.now()}` });
    const { page, frame } = await openMailPage(context, 'Dear team, the body must not be sent.');
    await frame.getByRole('button', { name: 'Log this email' }).click();
    await frame.getByTestId('thread-logged').waitFor({ timeout: 20_000 });
    const logged = (await timeline(accountId)).filter((i) => i.threadId === context.threadId);
    expect(logged).toEqual([expect.objectContaining({ kind: 'email', direction: 'inbound', summary: context.subject, occurredAt: '2026-11-20T09:30:00.000Z' })]);
    expect(logged[0]?.contactIds.length).toBe(1);
    expect(await page.bodyRequests()).toBe(0);
    await page.close();
  });

  it('logs the email with its text when asked, taking only the answer to its own request', async () => {
    const accountId = await accountIdOf(DEMO_ADDRESSES.atRisk);
    const context = threadContext({ subject: `Invoice question ${Date.now()}` });
    const { page, frame } = await openMailPage(context, 'Hello,\nplease resend invoice 42.');
    await frame.getByRole('radio', { name: 'sent by us' }).check();
    await frame.getByRole('checkbox', { name: 'Include the text of the email' }).check();
    await frame.getByRole('button', { name: 'Log this email' }).click();
    await frame.getByTestId('thread-logged').waitFor({ timeout: 20_000 });
    const logged = (await timeline(accountId)).filter((i) => i.threadId === context.threadId);
    expect(logged).toEqual([expect.objectContaining({ direction: 'outbound', summary: `${context.subject}\n\nHello,\nplease resend invoice 42.` })]);
    expect(await page.bodyRequests()).toBe(1);
    await page.close();
  });
});

describe('switching threads', () => {
  const nameOf = (match: LookupMatch | undefined) => (match?.match === 'contact' ? match.contact.name : '');
  const show = (page: SidebarView, context: SidebarContextInput) => page.show(context);

  it('follows the threads handed over without reloading, starts each thread afresh, and keeps a half-written note and commitment for their own thread', async () => {
    const first = threadContext();
    const page = await openThread(first);
    await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    await page.getByRole('radio', { name: 'Meeting' }).check();
    await page.getByLabel('What happened').fill('half-written note about Hendra');
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    await page.getByLabel('What we promised').fill('half-written promise');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const healthy = await lookUp(DEMO_ADDRESSES.healthy);
    await show(page, threadContext({ participants: [{ name: '', email: DEMO_ADDRESSES.healthy }] }));
    await expect.poll(() => page.getByTestId('contact-name').innerText(), { timeout: 20_000 }).toBe(nameOf(healthy));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.getByLabel('What happened').inputValue()).toBe('');
    expect(await page.getByRole('radio', { name: 'Note' }).isChecked()).toBe(true);
    expect(await page.getByLabel('What we promised').count()).toBe(0);
    // The same person in another thread is another note.
    await show(page, { ...first, threadId: `${first.threadId}-other` });
    await expect.poll(() => page.getByTestId('contact-name').innerText(), { timeout: 20_000 }).toBe('Hendra Wijaya');
    expect(await page.getByLabel('What happened').inputValue()).toBe('');
    expect(await page.getByLabel('What we promised').count()).toBe(0);
    // Back in the first thread, the note and the commitment form are as they were left.
    await show(page, first);
    await expect.poll(() => page.getByLabel('What happened').inputValue(), { timeout: 20_000 }).toBe('half-written note about Hendra');
    expect(await page.getByRole('radio', { name: 'Meeting' }).isChecked()).toBe(true);
    expect(await page.getByLabel('What we promised').inputValue()).toBe('half-written promise');
    // Cancel closes the form and keeps the text for the next time it opens.
    await page.getByRole('form', { name: 'Add a commitment' }).getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByLabel('What we promised').count()).toBe(0);
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    expect(await page.getByLabel('What we promised').inputValue()).toBe('half-written promise');
    await page.close();
  });

  it('updates the client view in place from a client seen before, showing none of the other client’s changes', async () => {
    const other = threadContext({ participants: [{ name: '', email: DEMO_ADDRESSES.healthy }] });
    const first = threadContext();
    const accountId = await accountIdOf(DEMO_ADDRESSES.atRisk);
    const target = (await openCommitments(accountId)).find((c) => c.status === 'open');
    if (!target) throw new Error('the demo account has no open commitment');
    const page = await openThread(other);
    const healthy = nameOf(await lookUp(DEMO_ADDRESSES.healthy));
    await expect.poll(() => page.getByTestId('contact-name').innerText(), { timeout: 20_000 }).toBe(healthy);
    await show(page, first);
    const row = page.getByTestId('commitment').filter({ hasText: target.text });
    await row.getByRole('button', { name: `Mark done: "${target.text}"` }).click();
    await row.getByRole('button', { name: `Undo: mark "${target.text}" open again` }).waitFor();
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    await page.getByLabel('What we promised').fill(`Only for Hendra ${Date.now()}`);
    await page.getByRole('button', { name: 'Save commitment' }).click();
    await page.getByTestId('commitment').filter({ hasText: 'Only for Hendra' }).waitFor();
    await page.evaluate(() => ((window as unknown as { list: Element | null }).list = document.querySelector('[data-testid="commitments"]')));
    // The other client's answers are cached: the same view shows it, with its own list only.
    await show(page, other);
    await expect.poll(() => page.getByTestId('contact-name').innerText(), { timeout: 20_000 }).toBe(healthy);
    expect(await page.evaluate(() => (window as unknown as { list: Element | null }).list === document.querySelector('[data-testid="commitments"]'))).toBe(true);
    expect(await page.getByTestId('commitment').filter({ hasText: target.text }).count()).toBe(0);
    expect(await page.getByTestId('commitment').filter({ hasText: 'Only for Hendra' }).count()).toBe(0);
    expect(await page.getByTestId('commitments').getByTestId('write-status').count()).toBe(0);
    // Back with the first client, its own changes are there, and the one marked done is opened again.
    await show(page, first);
    await row.getByRole('button', { name: `Undo: mark "${target.text}" open again` }).click();
    await expect.poll(async () => (await openCommitments(accountId)).find((c) => c.id === target.id)?.status, { timeout: 20_000 }).toBe('open');
    await page.close();
  });

  it('finds a half-written note and commitment again after the sidebar was closed, until they are saved', async () => {
    const context = threadContext();
    const text = `Half a note before going back to the inbox ${Date.now()}`;
    const promise = `Half a promise ${Date.now()}`;
    let page = await openThread(context);
    await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    await page.getByLabel('What happened').fill(text);
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    await page.getByLabel('What we promised').fill(promise);
    await page.getByLabel('Due date (optional)').fill('2026-12-24');
    // Kept in session storage (which the extension's own pages and worker share) as it is typed.
    const keptFor = (threadId: string) => ext.worker.evaluate(async (id) => {
      const session = (globalThis as unknown as { chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } } }).chrome.storage.session;
      return Object.entries(await session.get(null)).filter(([k]) => k.includes(id)).map(([, v]) => JSON.stringify(v));
    }, threadId);
    await expect.poll(async () => (await keptFor(context.threadId)).join(), { timeout: 20_000 }).toContain('2026-12-24');
    await page.close();
    page = await openThread(context);
    await expect.poll(() => page.getByLabel('What happened').inputValue(), { timeout: 20_000 }).toBe(text);
    await expect.poll(() => page.getByLabel('What we promised').inputValue(), { timeout: 20_000 }).toBe(promise);
    expect(await page.getByLabel('Due date (optional)').inputValue()).toBe('2026-12-24');
    // Another thread of the same client starts empty.
    const other = await openThread({ ...context, threadId: `${context.threadId}-other` });
    await other.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    expect(await other.getByLabel('What happened').inputValue()).toBe('');
    expect(await other.getByLabel('What we promised').count()).toBe(0);
    await other.close();
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByTestId('write-status').filter({ hasText: text }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Save commitment' }).click();
    await page.getByTestId('commitment').filter({ hasText: promise }).waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('What we promised').count()).toBe(0);
    // Nothing of it is kept any more.
    await expect.poll(() => keptFor(context.threadId), { timeout: 20_000 }).toEqual([]);
    await page.close();
    page = await openThread(context);
    await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('What happened').inputValue()).toBe('');
    await page.close();
  });

  it('lists a note with the client it was written for, and never under the client shown next', async () => {
    const first = threadContext();
    const page = await openThread(first);
    await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    const text = `Note for Hendra only ${Date.now()}`;
    await page.getByLabel('What happened').fill(text);
    await page.getByRole('button', { name: 'Save note' }).click();
    const status = page.getByTestId('write-status').filter({ hasText: text });
    await status.waitFor({ timeout: 20_000 });
    const healthy = await lookUp(DEMO_ADDRESSES.healthy);
    await show(page, threadContext({ participants: [{ name: '', email: DEMO_ADDRESSES.healthy }] }));
    await expect.poll(() => page.getByTestId('contact-name').innerText(), { timeout: 20_000 }).toBe(nameOf(healthy));
    expect(await page.getByTestId('write-status').count()).toBe(0);
    await show(page, first);
    await status.and(page.locator('[data-state="saved"]')).waitFor({ timeout: 20_000 });
    await page.close();
  });
});

