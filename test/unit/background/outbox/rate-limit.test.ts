import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../../../../lib/background/outbox/backoff';
import { readStatus } from '../../../../lib/background/db';
import { allItems, enqueue, retryFailed } from '../../../../lib/background/outbox/queue';
import { RETRY_AFTER_CAP_MS } from '../../../../lib/background/retry-after';
import { ME, OTHER_ACCOUNT_ID } from '../../../support/crm-fixtures';
import { fakeCrm, type RecordedCall } from '../../../support/fake-crm';
import { created, summaries } from '../../../support/outbox-fixtures';
import { note } from '../../../support/outbox-fixtures';
import { testApp } from '../../../support/test-app';

/**
 * A CRM that turns the next `times` requests to `path` away with `status` and these headers,
 * then answers as `crm` does. The turned-away requests are recorded with the others.
 */
function turningAway(crm: ReturnType<typeof fakeCrm>, path: string, status: number, headers: Record<string, string>, times = 1) {
  let left = times;
  const turnedAway: RecordedCall[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    if (left > 0 && url.pathname === path) {
      left--;
      const call = await crm.fetch(input, init).then(() => crm.calls.pop() as RecordedCall);
      turnedAway.push(call);
      return new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'too many requests; retry later' } }), {
        status, headers: { 'Content-Type': 'application/json', ...headers },
      });
    }
    return crm.fetch(input, init);
  }) as typeof globalThis.fetch;
  return { fetch, turnedAway };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('outbox: a CRM that asks to slow down (429 + Retry-After)', () => {
  it('keeps the write, sends nothing before the time given, then sends it exactly once', async () => {
    const crm = fakeCrm({ 'POST /v1/interactions': created, 'GET /v1/me': () => ({ json: ME }) });
    const away = turningAway(crm, '/v1/interactions', 429, { 'Retry-After': '120' });
    const { app, clock, scheduled } = await testApp(away.fetch);
    const start = clock.now;
    const { key } = await enqueue(app.ctx.db, note('Called about the SLA'), { now: clock.now });

    expect(await app.drain()).toEqual({ sent: 0, failed: 0, retrying: 1 });
    const [item] = await allItems(app.ctx.db);
    // Kept, not refused; due when the CRM said, not after the first backoff step (1.5 s).
    expect(item).toMatchObject({ key, state: 'pending', attempts: 1, nextAttemptAt: start + 120_000 });
    expect(item?.lastProblem).toEqual({ kind: 'rate-limited', message: 'too many requests; retry later', retryAt: start + 120_000 });
    expect(scheduled.at(-1)).toBe(start + 120_000);
    // The popup and the sidebar learn of it from the status.
    expect((await readStatus(app.ctx.db)).lastProblem).toMatchObject({ kind: 'rate-limited', retryAt: start + 120_000 });

    // Everything that could start a run before then sends nothing: a drain after the backoff
    // step, a write queued meanwhile (for another account), the browser starting, a call to the
    // CRM that worked again, and the user's "Try again" on the waiting write.
    clock.now = start + backoffDelay(1, 0.5);
    await app.drain();
    await enqueue(app.ctx.db, note('Second note', OTHER_ACCOUNT_ID), { now: clock.now });
    await app.drain();
    await app.drain({ retryWaiting: true });
    await app.refreshMe();
    expect(await retryFailed(app.ctx.db, key, clock.now)).toBe(false);
    clock.now = start + 119_999;
    await app.drain();
    await app.settled();
    expect(crm.callsTo('/v1/interactions')).toHaveLength(0);
    expect(away.turnedAway).toHaveLength(1);
    expect((await allItems(app.ctx.db)).map((i) => i.state)).toEqual(['pending', 'pending']);
    // The run woken now is the one at the time the CRM gave.
    expect(scheduled.at(-1)).toBe(start + 120_000);

    clock.now = start + 120_000;
    expect(await app.drain()).toMatchObject({ sent: 2, failed: 0 });
    expect(summaries(crm.callsTo('/v1/interactions'))).toEqual(['Called about the SLA', 'Second note']);
    // The same idempotency key as the attempt turned away: the CRM applies it once.
    expect(crm.callsTo('/v1/interactions')[0]?.headers.get('idempotency-key')).toBe(key);
    expect(away.turnedAway[0]?.headers.get('idempotency-key')).toBe(key);
    expect(await allItems(app.ctx.db)).toEqual([]);
    expect(scheduled.at(-1)).toBeNull();
    await app.drain();
    expect(crm.callsTo('/v1/interactions')).toHaveLength(2);
  });

  it('is woken by the in-worker timer for a short wait, at the time given and not at the backoff step', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const crm = fakeCrm({ 'POST /v1/interactions': created });
    const away = turningAway(crm, '/v1/interactions', 429, { 'Retry-After': '5' });
    const { app, clock } = await testApp(away.fetch);
    const start = clock.now;
    await enqueue(app.ctx.db, note('hello'), { now: clock.now });
    await app.drain();

    clock.now = start + 1_500;
    await vi.advanceTimersByTimeAsync(1_500);
    expect(crm.callsTo('/v1/interactions')).toHaveLength(0);

    clock.now = start + 5_000;
    await vi.advanceTimersByTimeAsync(3_500);
    await vi.waitFor(() => expect(crm.callsTo('/v1/interactions')).toHaveLength(1));
    await vi.waitFor(async () => expect(await allItems(app.ctx.db)).toEqual([]));
  });

  it.each<[string, number, Record<string, string>, number]>([
    ['a wait of a day, capped at an hour', 429, { 'Retry-After': '86400' }, RETRY_AFTER_CAP_MS],
    ['a date five minutes on', 429, { 'Retry-After': 'Mon, 23 Nov 2026 09:05:00 GMT' }, 300_000],
    ['a header that is not a wait: the backoff alone', 429, { 'Retry-After': 'soon' }, backoffDelay(1, 0.5)],
    ['no header: the backoff alone', 429, {}, backoffDelay(1, 0.5)],
    ['a 503 with a wait', 503, { 'Retry-After': '90' }, 90_000],
  ])('after %s, the write is next tried that much later and kept meanwhile', async (_, status, headers, wait) => {
    const crm = fakeCrm({ 'POST /v1/interactions': created });
    const away = turningAway(crm, '/v1/interactions', status, headers);
    const { app, clock, scheduled } = await testApp(away.fetch);
    const start = clock.now;
    await enqueue(app.ctx.db, note('hello'), { now: clock.now });
    await app.drain();
    expect(await allItems(app.ctx.db)).toMatchObject([{ state: 'pending', nextAttemptAt: start + wait }]);
    expect(scheduled.at(-1)).toBe(start + wait);
    clock.now = start + wait - 1;
    await app.drain();
    expect(crm.callsTo('/v1/interactions')).toHaveLength(0);
    clock.now = start + wait;
    expect(await app.drain()).toMatchObject({ sent: 1 });
    expect(crm.callsTo('/v1/interactions')).toHaveLength(1);
  });
});

describe('changes feed: a CRM that asks to slow down', () => {
  it('skips the polls before the time given, at start-up too, and reads the feed after it', async () => {
    const crm = fakeCrm({
      'GET /v1/me': () => ({ json: ME }),
      'GET /v1/changes': () => ({ json: { changes: [], cursor: 'c1', more: false } }),
    });
    const away = turningAway(crm, '/v1/changes', 429, { 'Retry-After': '600' });
    const { app, clock } = await testApp(away.fetch);
    const start = clock.now;
    await expect(app.sync()).rejects.toMatchObject({ problem: { kind: 'rate-limited', retryAt: start + 600_000 } });

    // The next two alarms (every 2 minutes) and a worker start-up ask nothing.
    clock.now = start + 120_000;
    expect(await app.sync()).toEqual({ changes: 0, accountIds: [], deferredUntil: start + 600_000 });
    clock.now = start + 240_000;
    await app.sync();
    await app.startup();
    expect(crm.callsTo('/v1/changes')).toHaveLength(0);
    expect(crm.callsTo('/v1/me')).toHaveLength(0);

    clock.now = start + 600_000;
    expect(await app.sync()).toEqual({ changes: 0, accountIds: [] });
    expect(crm.callsTo('/v1/changes')).toHaveLength(1);
    expect((await readStatus(app.ctx.db)).lastProblem).toBeNull();
  });
});
