import { toProblem, type Problem } from '../messaging/problem';
import { backoffDelay, verdictFor } from './backoff';
import type { CrmClient } from './crm-client';
import type { Db } from './db';
import type { OutboxItem } from './outbox-item';
import { allItems } from './outbox';
import { sendWrite } from './send-write';

export interface DrainDeps {
  db: Db;
  client: () => Promise<CrmClient>;
  now: () => number;
  random: () => number;
  /** Arranges the next drain at `when` (epoch ms), or cancels it with null. */
  schedule: (when: number | null) => Promise<void> | void;
  /** A write reached the CRM; its account's cache is now out of date. */
  sent: (accountId: string) => Promise<void> | void;
}

export interface DrainReport { sent: number; failed: number; retrying: number }

/**
 * Sends waiting writes, oldest first. Within a group (an account) order is kept: a write that
 * must wait holds back the later ones. Only one drain runs at a time; a drain asked for while
 * one runs makes that run go round once more instead of starting a second.
 */
export function createOutboxDrainer(deps: DrainDeps): { drain: () => Promise<DrainReport> } {
  let running: Promise<DrainReport> | null = null;
  let again = false;

  async function loop(): Promise<DrainReport> {
    const total: DrainReport = { sent: 0, failed: 0, retrying: 0 };
    do {
      again = false;
      const report = await runOnce(deps);
      total.sent += report.sent;
      total.failed += report.failed;
      total.retrying = report.retrying;
    } while (again);
    return total;
  }

  return {
    drain() {
      if (running) {
        again = true;
        return running;
      }
      running = loop().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

async function runOnce(deps: DrainDeps): Promise<DrainReport> {
  const { db } = deps;
  const report: DrainReport = { sent: 0, failed: 0, retrying: 0 };
  const held = new Set<string>();
  let haltedUntil: number | null = null;

  for (const item of await allItems(db)) {
    if (item.state !== 'pending' || held.has(item.group)) continue;
    const now = deps.now();
    if (haltedUntil !== null || item.nextAttemptAt > now) {
      held.add(item.group);
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
    await db.put('outbox', { ...item, state: 'sending' });
    try {
      const accountId = await sendWrite(client, item.write, item.key);
      await db.delete('outbox', item.seq as number);
      report.sent++;
      await deps.sent(accountId);
    } catch (error) {
      const problem = toProblem(error);
      const verdict = verdictFor(problem);
      const next = settle(item, problem, verdict, deps);
      await db.put('outbox', next);
      if (next.state === 'failed') report.failed++;
      else held.add(item.group);
      if (verdict === 'halt') haltedUntil = next.nextAttemptAt;
    }
  }

  const waiting = (await allItems(db)).filter((i) => i.state === 'pending');
  report.retrying = waiting.length;
  const due = waiting.map((i) => Math.max(i.nextAttemptAt, haltedUntil ?? 0));
  await deps.schedule(due.length > 0 ? Math.min(...due) : null);
  return report;
}

function settle(item: OutboxItem, problem: Problem, verdict: ReturnType<typeof verdictFor>, deps: DrainDeps): OutboxItem {
  if (verdict === 'fail') {
    const conflict = problem.kind === 'conflict' ? { conflict: { mine: item.write.body, theirs: problem.details } } : {};
    return { ...item, ...conflict, state: 'failed', attempts: item.attempts + 1, lastProblem: problem };
  }
  if (verdict === 'wait') return { ...item, state: 'pending', lastProblem: problem };
  const attempts = item.attempts + 1;
  return {
    ...item,
    state: 'pending',
    attempts,
    nextAttemptAt: deps.now() + backoffDelay(attempts, deps.random()),
    lastProblem: problem,
  };
}
