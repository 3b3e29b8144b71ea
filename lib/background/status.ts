import type { Me } from '../api';
import { connectionOf } from '../config/settings';
import type { Problem } from '../messaging/problem';
import type { Status } from '../messaging/protocol';
import type { Ctx } from './context';
import { readStatus, updateStatus, type Db } from './db';
import { allItems, summarise } from './outbox';

/** Remembers how the last call to the CRM went, for the popup and the status message. */
export async function recordOutcome(db: Db, outcome: { problem: Problem } | { me: Me } | 'ok'): Promise<void> {
  await updateStatus(db, (s) => {
    if (outcome === 'ok') return s.lastProblem === null ? s : { ...s, lastProblem: null };
    if ('me' in outcome) return { ...s, me: outcome.me, lastProblem: null };
    return { ...s, lastProblem: outcome.problem };
  });
}

export async function getStatus(ctx: Ctx): Promise<Status> {
  const [settings, status, items] = await Promise.all([ctx.settings(), readStatus(ctx.db), allItems(ctx.db)]);
  const outbox = summarise(items);
  const configured = connectionOf(settings) !== null;
  return {
    configured,
    connected: configured && status.me !== null && status.lastProblem === null,
    apiUrl: settings.apiUrl,
    user: status.me,
    lastSyncAt: status.lastSyncAt,
    pending: outbox.pending,
    failed: outbox.failed,
    problem: configured ? status.lastProblem : { kind: 'not-configured' },
  };
}
