import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction, LookupMatch } from '../../lib/api';
import { DEMO_ADDRESSES, DEMO_MAIN_USER } from '../../server/seed/demo';
import { crmApi } from './support/crm-api';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { connectThroughOptions } from './support/options-page';
import { hostSidebar, type SidebarView } from './support/sidebar-host';

let crm: RunningCrm;
let proxy: FaultProxy;
let ext: LaunchedExtension;
let accountId: string;
/** Notes of mine, one per test, logged before the sidebar first reads the history. */
let notes: Record<'edit' | 'undo' | 'queued' | 'conflict', Interaction>;

const api = <T>(path: string, init: { method?: string; body?: unknown } = {}) => crmApi<T>(crm, path, init);
const timeline = async () => (await api<{ items: Interaction[] }>(`/v1/accounts/${accountId}/timeline?limit=100`)).items;

/** A note of mine, logged straight in the CRM, with a text no other test uses. */
async function logNote(text: string): Promise<Interaction> {
  return (await api<{ interaction: Interaction }>('/v1/interactions', { method: 'POST', body: { accountId, kind: 'note', summary: text } })).interaction;
}

const openClient = async (): Promise<SidebarView> => {
  const page = await hostSidebar(ext, {
    site: 'gmail', threadId: `edit-${Math.random().toString(36).slice(2)}`, subject: 'Renewal',
    participants: [{ name: 'Budi Santoso', email: DEMO_ADDRESSES.healthy }],
  });
  await page.getByTestId('contact-name').waitFor({ timeout: 20_000 });
  return page;
};
const entryOf = (page: SidebarView, text: string) => page.getByTestId('timeline-item').filter({ hasText: text });
const entryById = (page: SidebarView, id: string) => page.locator(`[data-testid="timeline-item"][data-id="${id}"]`);

beforeAll(async () => {
  crm = await startCrmServer();
  proxy = await startFaultProxy(crm.url);
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await connectThroughOptions(ext, proxy.url, crm.token);
  const match = (await api<{ results: LookupMatch[] }>('/v1/lookup', { method: 'POST', body: { emails: [DEMO_ADDRESSES.healthy] } })).results[0];
  if (!match || match.match === 'unknown') throw new Error('the demo contact is not known');
  accountId = match.account.id;
  const stamp = Date.now();
  notes = {
    edit: await logNote(`Asked for a quote ${stamp}`),
    undo: await logNote(`Visit planned ${stamp}`),
    queued: await logNote(`Offline delete ${stamp}`),
    conflict: await logNote(`Price list sent ${stamp}`),
  };
});

afterAll(async () => {
  await ext?.close();
  await proxy?.stop();
  await crm?.stop();
});

describe('changing the history', () => {
  it('edits my note in place: the new text shows at once, then in the CRM; Escape leaves another one as it was', async () => {
    const note = notes.edit;
    const page = await openClient();
    const entry = entryById(page, note.id);
    await entry.waitFor({ timeout: 20_000 });
    await entry.getByRole('button', { name: /^Edit/ }).click();
    const text = entry.getByLabel('What happened');
    await text.waitFor();
    expect(await text.evaluate((el) => el === document.activeElement)).toBe(true);
    const changed = `${note.summary}, 40 units`;
    await text.fill(changed);
    await entry.getByRole('button', { name: 'Save', exact: true }).click();
    const edited = entryOf(page, changed);
    await edited.waitFor({ timeout: 20_000 });
    expect(await edited.getAttribute('data-id')).toBe(note.id);
    // Saved or cancelled, the keyboard is back on the entry's Edit button.
    await expect.poll(() => edited.getByRole('button', { name: /^Edit/ }).evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(async () => (await timeline()).find((i) => i.id === note.id), { timeout: 30_000 })
      .toMatchObject({ summary: changed, version: 2, updatedBy: { name: DEMO_MAIN_USER.name } });
    await page.locator(`[data-testid="timeline-item"]:not([data-pending])`).filter({ hasText: changed }).waitFor({ timeout: 20_000 });

    await edited.getByRole('button', { name: /^Edit/ }).click();
    await entry.getByLabel('What happened').fill('never sent');
    await page.keyboard.press('Escape');
    await entry.getByLabel('What happened').waitFor({ state: 'detached' });
    expect(await entry.locator('.event-summary').innerText()).toBe(changed);
    await page.close();
  });

  it('offers no Edit or Delete on a colleague\'s entry', async () => {
    const page = await openClient();
    await page.getByTestId('timeline-item').first().waitFor({ timeout: 20_000 });
    const theirs = page.getByTestId('timeline-item').filter({ has: page.getByTestId('logged-by') }).filter({ hasNotText: `logged by ${DEMO_MAIN_USER.name}` });
    const count = await theirs.count();
    for (let i = 0; i < count; i++) expect(await theirs.nth(i).getByRole('button').count()).toBe(0);
    await page.close();
  });

  it('deletes a note at once and Undo brings it back: the CRM has it once, as it was', async () => {
    const note = notes.undo;
    const page = await openClient();
    const entry = entryOf(page, note.summary);
    await entry.waitFor({ timeout: 20_000 });
    await entry.getByRole('button', { name: /^Delete/ }).click();
    await entry.waitFor({ state: 'detached' });
    const undo = page.getByTestId('history-undo').filter({ hasText: note.summary });
    const button = undo.getByRole('button', { name: /^Undo/ });
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(async () => (await timeline()).some((i) => i.id === note.id), { timeout: 30_000 }).toBe(false);

    await button.click();
    await entry.waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await timeline()).filter((i) => i.summary === note.summary), { timeout: 30_000 })
      .toEqual([expect.objectContaining({ id: note.id, version: 3 })]);
    await page.locator('[data-testid="timeline-item"]:not([data-pending])').filter({ hasText: note.summary }).waitFor({ timeout: 20_000 });
    expect(await entryOf(page, note.summary).count()).toBe(1);
    await page.close();
  });

  it('undoes a delete still waiting in the outbox: both are sent in order once the CRM is back, and the note stays', async () => {
    const note = notes.queued;
    const page = await openClient();
    const entry = entryOf(page, note.summary);
    await entry.waitFor({ timeout: 20_000 });
    proxy.setFaults(() => 'refuse');
    await entry.getByRole('button', { name: /^Delete/ }).click();
    await entry.waitFor({ state: 'detached' });
    const statuses = page.getByRole('list', { name: 'Your changes to the history' });
    await statuses.getByTestId('write-status').filter({ hasText: `Deleted: ${note.summary}` }).waitFor();
    await page.getByTestId('history-undo').filter({ hasText: note.summary }).getByRole('button', { name: /^Undo/ }).click();
    await entry.waitFor();
    expect(await entry.getAttribute('data-pending')).toBe('true');
    expect(await statuses.locator('[data-state="pending"]').count()).toBe(2);

    const sentBefore = proxy.log.length;
    proxy.setFaults(() => 'pass');
    await statuses.locator('[data-state="saved"]').filter({ hasText: `Brought back: ${note.summary}` }).waitFor({ timeout: 60_000 });
    const sent = proxy.log.slice(sentBefore).filter((r) => r.path.includes(note.id) && r.status !== null && !r.replayed);
    expect(sent.map((r) => r.method)).toEqual(['DELETE', 'POST']);
    expect((await timeline()).filter((i) => i.summary === note.summary)).toEqual([expect.objectContaining({ id: note.id })]);
    await page.locator('[data-testid="timeline-item"]:not([data-pending])').filter({ hasText: note.summary }).waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('says when someone else changed the note first, shows it as it is now, and lets the refused edit go', async () => {
    const note = notes.conflict;
    const page = await openClient();
    const entry = entryById(page, note.id);
    await entry.waitFor({ timeout: 20_000 });
    // A colleague's edit reaches the CRM while this sidebar still shows the first version.
    await api(`/v1/interactions/${note.id}`, { method: 'PATCH', body: { version: note.version, summary: `${note.summary} (v2)` } });
    await entry.getByRole('button', { name: /^Edit/ }).click();
    await entry.getByLabel('What happened').fill('my late edit');
    await entry.getByRole('button', { name: 'Save', exact: true }).click();
    const status = page.getByRole('list', { name: 'Your changes to the history' }).getByTestId('write-status').filter({ hasText: 'Edited: my late edit' });
    await status.and(page.locator('[data-state="failed"]')).waitFor({ timeout: 30_000 });
    // Shown as the CRM's refusal says it is now, not as this sidebar last read it.
    await expect.poll(() => entry.locator('.event-summary').innerText(), { timeout: 20_000 }).toBe(`${note.summary} (v2)`);
    expect(await entry.getAttribute('data-pending')).toBeNull();
    expect((await timeline()).find((i) => i.id === note.id)).toMatchObject({ summary: `${note.summary} (v2)`, version: 2 });
    await status.getByRole('button', { name: 'Discard' }).click();
    // Dropped for good: it leaves the list and is never sent.
    await status.waitFor({ state: 'detached', timeout: 20_000 });
    expect((await timeline()).find((i) => i.id === note.id)?.summary).toBe(`${note.summary} (v2)`);
    await page.close();
  });
});
