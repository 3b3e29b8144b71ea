import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsBySummary, deliveredOnce, until } from './support/outbox-checks';
import { startOutboxRig, type OutboxItemView, type OutboxRig } from './support/outbox-rig';

let rig: OutboxRig;

beforeAll(async () => {
  rig = await startOutboxRig();
}, 180_000);

afterAll(async () => {
  await rig?.dispose();
});

type Chrome = { chrome: { alarms: { get: (name: string) => Promise<unknown> } } };

/** Waits until the outbox holds exactly one write, failed, and returns it. */
async function failedItem(): Promise<OutboxItemView> {
  await until('the write marked failed', async () => (await rig.outbox()).failed === 1, 60_000);
  const [item] = (await rig.outbox()).items;
  if (!item) throw new Error('the failed write vanished');
  return item;
}

async function openPopup(): Promise<Page> {
  const page = await rig.browser.context.newPage();
  await page.goto(`chrome-extension://${rig.browser.extensionId}/popup.html`);
  await page.getByTestId('failed-write').waitFor({ timeout: 30_000 });
  return page;
}

/** The CRM's own API, for setting up what "someone else" did. */
async function api<T>(method: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${rig.crm.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${rig.crm.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

describe('writes the CRM refuses', () => {
  it('shows the CRM\'s message, does not retry, and sends the note once the user has corrected it', async () => {
    const { key, id } = await rig.note('Called\u0000 about the renewal');
    const item = await failedItem();
    expect(item).toMatchObject({ key, state: 'failed', attempts: 1, problem: { kind: 'rejected', message: 'body.summary: contains a NUL character' } });
    // Not retried: no wake-up is set for it, and it reached the CRM once.
    expect(await rig.browser.page.evaluate(() => (globalThis as unknown as Chrome).chrome.alarms.get('outbox-drain'))).toBeUndefined();
    expect(rig.proxy.log.filter((r) => r.idempotencyKey === key)).toHaveLength(1);

    const popup = await openPopup();
    const row = popup.getByTestId('failed-write');
    expect(await row.getByTestId('failed-reason').innerText()).toBe('The CRM refused the data: body.summary: contains a NUL character (body.summary)');
    await row.getByRole('button', { name: 'Edit' }).click();
    const text = row.getByLabel('What you wrote');
    expect(await text.inputValue()).toBe('Called\u0000 about the renewal');
    await text.fill('Called about the renewal');
    await row.getByRole('button', { name: 'Save and send' }).click();

    await until('the corrected note on the CRM', () => deliveredOnce(rig, ['Called about the renewal']), 60_000);
    expect((await rig.interactions()).filter((i) => i.id === id).map((i) => i.summary)).toEqual(['Called about the renewal']);
    const sentAgain = rig.proxy.log.filter((r) => r.path === '/v1/interactions' && r.idempotencyKey !== key && r.status === 201);
    expect(sentAgain).toHaveLength(1); // the changed body went with a new key
    await popup.close();
  }, 180_000);

  it('drops a refused note the user discards: it never reaches the CRM', async () => {
    await rig.note('Discard\u0000 me');
    await failedItem();
    const popup = await openPopup();
    await popup.getByTestId('failed-write').getByRole('button', { name: 'Discard' }).click();
    await until('the outbox empty', async () => (await rig.outbox()).items.length === 0, 30_000);
    expect(await countsBySummary(rig, ['Discard\u0000 me', 'Discard me'])).toEqual([0, 0]);
    await popup.close();
  }, 120_000);

  it('shows a conflict as both versions, and applies the user\'s change to the CRM\'s version on request', async () => {
    type Answer = { commitment: { id: string; version: number; status: string; text: string } };
    const made = await api<Answer>('POST', '/v1/commitments', { accountId: rig.accountId, text: 'Send the SLA draft' });
    // Someone else edits it first.
    await api<Answer>('PATCH', `/v1/commitments/${made.commitment.id}`, { version: 1, text: 'Send the final SLA' });
    const patch = { type: 'commitment-patch', commitmentId: made.commitment.id, accountId: rig.accountId, body: { version: 1, status: 'done' } };
    const queued = await rig.ask('enqueueWrite', { write: patch });
    expect(queued.ok).toBe(true);
    expect(await failedItem()).toMatchObject({ problem: { kind: 'conflict' } });

    const popup = await openPopup();
    const row = popup.getByTestId('failed-write');
    expect(await row.getByTestId('conflict-mine').innerText()).toBe('Yours: Send the final SLA (done)');
    expect(await row.getByTestId('conflict-theirs').innerText()).toBe('In the CRM now: Send the final SLA (open)');
    await row.getByRole('button', { name: 'Apply mine to their version' }).click();

    await until('the outbox empty', async () => (await rig.outbox()).items.length === 0, 60_000);
    const now = await fetch(`${rig.crm.url}/v1/accounts/${rig.accountId}/commitments?status=all`, { headers: { Authorization: `Bearer ${rig.crm.token}` } });
    const list = (await now.json()) as { items: { id: string; status: string; text: string; version: number }[] };
    expect(list.items.find((c) => c.id === made.commitment.id)).toMatchObject({ status: 'done', text: 'Send the final SLA', version: 3 });
    await popup.close();
  }, 180_000);

  it('names a domain that belongs to another client in the user\'s words, not the CRM\'s sentence', async () => {
    type Detail = { account: { version: number; domains: string[] } };
    const mine = await api<Detail>('GET', `/v1/accounts/${rig.accountId}`, undefined);
    const [other] = (await api<{ results: { account?: { id: string } }[] }>('POST', '/v1/lookup', { emails: ['olga.kuznetsova@severtrans.ru'] })).results;
    const theirs = await api<Detail>('GET', `/v1/accounts/${other?.account?.id ?? ''}`, undefined);
    const taken = theirs.account.domains[0] ?? '';
    expect(taken).not.toBe('');
    const patch = { type: 'account-patch', accountId: rig.accountId, body: { version: mine.account.version, domains: [...mine.account.domains, taken] } };
    expect((await rig.ask('enqueueWrite', { write: patch })).ok).toBe(true);
    expect(await failedItem()).toMatchObject({ problem: { kind: 'conflict' } });

    const popup = await openPopup();
    const row = popup.getByTestId('failed-write');
    expect(await row.getByTestId('failed-reason').innerText()).toBe(`${taken} already belongs to another client in the CRM.`);
    await row.getByRole('button', { name: 'Discard' }).click();
    await until('the outbox empty', async () => (await rig.outbox()).items.length === 0, 30_000);
    expect((await api<Detail>('GET', `/v1/accounts/${rig.accountId}`, undefined)).account.domains).toEqual(mine.account.domains);
    await popup.close();
  }, 180_000);
});
