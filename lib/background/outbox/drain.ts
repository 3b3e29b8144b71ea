import { toProblem } from '../../messaging/problem-error';
import { serverWaitUntil } from './backoff';
import type { CrmClient } from '../crm-client';
import type { Write } from '../../messaging/write';
import type { Db } from '../db';
import { allItems, changed, recoverInterrupted } from './queue';
import { createdIdOf, refsOf } from './refs';
import { releaseWaiting, settle } from './settle';
import { listen, WORKER_INSTANCE } from './signals';
import { exclusive, createWakeups } from './wake';
import { sendWrite } from './send';

export interface DrainDeps {
  db: Db;
  client: () => Promise<CrmClient>;
  now: () => number;
  random: () => number;
  /** Arranges the next drain at `when` (epoch ms), or cancels it with null. */
  schedule: (when: number | null) => Promise<void> | void;
  /** A write reached the CRM; its account's cache is now out of date (and, for some writes, more: see `write`). */
  sent: (accountId: string, type: Write['type'], write: Write) => Promise<void> | void;
}

export interface DrainReport { sent: number; failed: number; retrying: number }

export interface DrainOptions {
  /**
   * Writes waiting out a backoff for want of a connection are tried now: the browser has just
   * started, so what failed before says little about the connection it has now.
   */
  retryWaiting?: boolean;
}

/**
 * Sends waiting writes, oldest first. Within a group (an account) order is kept: a write that
 * must wait holds back the later ones, and a write that refers to a record an earlier write
 * creates waits for that one. One drain at a time: a drain asked for while one runs makes that
 * run go round once more instead of starting a second. Each drain starts by putting back in line
 * what a stopped worker left "sending"; their idempotency keys make resending them safe.
 */
export function createOutboxDrainer(deps: DrainDeps): { drain: (options?: DrainOptions) => Promise<DrainReport> } {
  let running: Promise<DrainReport> | null = null;
  let again = false;
  let restored = false;
  const { schedule, watchdog } = createWakeups(deps.now, deps.schedule, () => void drain().catch(() => undefined));

  async function loop(): Promise<DrainReport> {
    const total: DrainReport = { sent: 0, failed: 0, retrying: 0 };
    await recoverInterrupted(deps.db, true);
    do {
      again = false;
      if (restored) {
        restored = false;
        await releaseWaiting(deps.db, deps.now());
      }
      const report = await runOnce({ ...deps, schedule }, watchdog);
      total.sent += report.sent;
      total.failed += report.failed;
      total.retrying = report.retrying;
    } while (again || restored);
    return total;
  }

  function drain(options: DrainOptions = {}): Promise<DrainReport> {
    if (options.retryWaiting) restored = true;
    if (running) {
      again = true;
      return running;
    }
    running = exclusive(loop).finally(() => {
      running = null;
      // Asked for between the last round and here: go again rather than drop the request.
      if (again || restored) void drain().catch(() => undefined);
    });
    return running;
  }

  listen(deps.db, (signal) => {
    if (signal.type !== 'connection-restored') return;
    restored = true;
    void drain().catch(() => undefined);
  });
  return { drain };
}

async function runOnce(deps: DrainDeps, watchdog: () => Promise<void>): Promise<DrainReport> {
  const { db } = deps;
  const report: DrainReport = { sent: 0, failed: 0, retrying: 0 };
  const held = new Set<string>();
  /** Ids created by writes still in the outbox ahead of the current one. */
  const unsent = new Set<string>();
  const wakeAt: number[] = [];
  const items = await allItems(db);
  // A Retry-After the CRM gave holds every write until then, in every run (a write queued
  // meanwhile starts one) and across worker restarts, since it is read from the stored items.
  const askedToWait = Math.max(0, ...items.map((i) => (i.state === 'pending' ? (serverWaitUntil(i.lastProblem) ?? 0) : 0)));
  let haltedUntil: number | null = askedToWait > deps.now() ? askedToWait : null;

  for (const item of items) {
    const created = createdIdOf(item.write);
    const waits = held.has(item.group) || refsOf(item.write).some((id) => unsent.has(id));
    if (item.state !== 'pending' || waits || haltedUntil !== null || item.nextAttemptAt > deps.now()) {
      if (created !== null) unsent.add(created);
      if (item.state !== 'failed') held.add(item.group);
      if (item.state === 'pending' && !waits) wakeAt.push(Math.max(item.nextAttemptAt, haltedUntil ?? 0));
      continue;
    }
    let client: CrmClient;
    try {
      client = await deps.client();
    } catch {
      // Not configured: leave everything as it is; saving the settings starts a drain.
      await deps.schedule(null);
      return report;
    }
    await watchdog();
    const sending = { ...item, state: 'sending' as const, sendingBy: WORKER_INSTANCE };
    await db.put('outbox', sending);
    const outcome = await sendWrite(client, item.write, item.key).then(
      (accountId) => ({ ok: true as const, accountId }),
      (error: unknown) => ({ ok: false as const, problem: toProblem(error) }),
    );
    if (outcome.ok) {
      await db.delete('outbox', item.seq as number);
      report.sent++;
      await deps.sent(outcome.accountId, item.write.type, item.write);
      continue;
    }
    const { next, verdict } = settle(sending, outcome.problem, deps.now(), deps.random());
    await db.put('outbox', next);
    changed(db, next);
    if (created !== null) unsent.add(created);
    if (next.state === 'failed') {
      report.failed++;
      continue;
    }
    held.add(item.group);
    if (verdict === 'halt') haltedUntil = next.nextAttemptAt;
    if (verdict !== 'wait') wakeAt.push(next.nextAttemptAt);
  }

  report.retrying = (await allItems(db)).filter((i) => i.state !== 'failed').length;
  await deps.schedule(wakeAt.length > 0 ? Math.min(...wakeAt) : null);
  return report;
}
