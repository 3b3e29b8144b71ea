import type { Me } from '../api';
import { isSafeApiUrl } from '../config/loopback';
import { connectionOf } from '../config/settings';
import type { Problem } from '../messaging/problem';
import type { Status } from '../messaging/protocol';
import type { Ctx } from './context';
import { readStatus, updateStatus, type Db } from './db';
import { allItems } from './outbox/queue';
import { summarise } from './outbox/summary';
import { emit } from './outbox/signals';

/** Problems that mean the CRM could not be reached at all (down, unplugged, a proxy's 5xx). */
export function isOfflineProblem(problem: Problem | null): boolean {
  if (!problem) return false;
  return problem.kind === 'unreachable' || (problem.kind === 'server' && problem.status >= 500);
}

/** Whether the last call to the CRM failed for want of a connection. */
export async function isOffline(db: Db): Promise<boolean> {
  return isOfflineProblem((await readStatus(db)).lastProblem);
}

/**
 * Remembers how the last call to the CRM went, for the popup and the status message. A success
 * after a failure tells the outbox, so writes waiting for the connection go at once; losing the
 * connection, or getting it back, tells the pages, which show cached answers as offline meanwhile.
 */
export async function recordOutcome(db: Db, outcome: { problem: Problem } | { me: Me } | 'ok'): Promise<void> {
  const seen = { restored: false, lost: false };
  await updateStatus(db, (s) => {
    if (outcome !== 'ok' && 'problem' in outcome) {
      seen.lost = !isOfflineProblem(s.lastProblem) && isOfflineProblem(outcome.problem);
      return { ...s, lastProblem: outcome.problem };
    }
    seen.restored = s.lastProblem !== null;
    if (outcome === 'ok') return seen.restored ? { ...s, lastProblem: null } : s;
    return { ...s, me: outcome.me, lastProblem: null };
  });
  if (seen.restored) emit(db, { type: 'connection-restored' });
  if (seen.lost) emit(db, { type: 'connection-lost' });
}

export async function getStatus(ctx: Ctx): Promise<Status> {
  const [settings, status, items] = await Promise.all([ctx.settings(), readStatus(ctx.db), allItems(ctx.db)]);
  const outbox = summarise(items);
  const configured = connectionOf(settings) !== null;
  // Known from the settings alone: no request is made to an address the token may not go to.
  const insecure = configured && !isSafeApiUrl(settings.apiUrl);
  return {
    configured,
    connected: configured && !insecure && status.me !== null && status.lastProblem === null,
    apiUrl: settings.apiUrl,
    user: status.me,
    lastSyncAt: status.lastSyncAt,
    pending: outbox.pending,
    failed: outbox.failed,
    problem: !configured ? { kind: 'not-configured' } : insecure ? { kind: 'insecure-url', url: settings.apiUrl } : status.lastProblem,
    offline: configured && isOfflineProblem(status.lastProblem),
  };
}
