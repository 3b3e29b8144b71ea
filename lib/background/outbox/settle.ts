import type { Problem } from '../../messaging/problem';
import { backoffDelay, serverWaitUntil, verdictFor, type Verdict } from './backoff';
import type { Db } from '../db';
import type { OutboxItem } from './item';

/** What a failed send leaves in the outbox: refused writes wait for the user, the rest retry later. */
export function settle(item: OutboxItem, problem: Problem, now: number, random: number): { next: OutboxItem; verdict: Verdict } {
  const verdict = verdictFor(problem);
  const { sendingBy: _, ...base } = item;
  if (verdict === 'fail') {
    const mine = 'body' in item.write ? item.write.body : null;
    const conflict = problem.kind === 'conflict' ? { conflict: { mine, theirs: problem.details } } : {};
    return { verdict, next: { ...base, ...conflict, state: 'failed', attempts: item.attempts + 1, lastProblem: problem } };
  }
  if (verdict === 'wait') return { verdict, next: { ...base, state: 'pending', lastProblem: problem } };
  const attempts = item.attempts + 1;
  // The backoff, or longer when the CRM said when to come back (a Retry-After): never sooner.
  const nextAttemptAt = Math.max(now + backoffDelay(attempts, random), serverWaitUntil(problem) ?? 0);
  return {
    verdict,
    next: { ...base, state: 'pending', attempts, lastAttemptAt: now, nextAttemptAt, lastProblem: problem },
  };
}

/**
 * Whether a write is only waiting for the CRM to be reachable again: a failure to reach it at
 * all, or a refused token. Not a 5xx or a 429: a working call elsewhere says nothing about
 * those, so they keep their backoff, and a Retry-After the CRM gave is waited out in full.
 */
export function waitsForConnection(problem: Problem | null): boolean {
  return problem?.kind === 'unreachable' || problem?.kind === 'no-permission' || problem?.kind === 'unauthorized';
}

/** After a call to the CRM worked again: writes that were only waiting for the connection are due now. */
export async function releaseWaiting(db: Db, now: number): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  let released = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    const item = cursor.value;
    if (item.state === 'pending' && item.nextAttemptAt > now && waitsForConnection(item.lastProblem)) {
      await cursor.update({ ...item, nextAttemptAt: now });
      released++;
    }
  }
  await tx.done;
  return released;
}
