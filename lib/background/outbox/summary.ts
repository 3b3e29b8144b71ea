import type { OutboxStatus, OutboxSummary } from '../../messaging/protocol';
import type { Write } from '../../messaging/write';
import type { OutboxItem } from './item';
import { accountOf, createdIdOf, waitingFor } from './refs';
import { textOf } from '../../messaging/write-text';

function excerptOf(write: Write): string {
  const text = write.type === 'commitment-patch' ? (write.body.text ?? write.body.status ?? '') : textOf(write);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** What the pages see of the outbox: every item, oldest first, with counts. */
export function summarise(items: readonly OutboxItem[]): OutboxStatus {
  const waits = waitingFor(items);
  const summaries: OutboxSummary[] = items.map((item) => {
    const waiting = waits.get(item.key);
    return {
      key: item.key,
      type: item.write.type,
      state: item.state,
      attempts: item.attempts,
      createdAt: item.createdAt,
      nextAttemptAt: item.nextAttemptAt,
      problem: item.lastProblem,
      excerpt: excerptOf(item.write),
      accountId: accountOf(item.write),
      recordId: item.write.type === 'commitment-patch' ? item.write.commitmentId : createdIdOf(item.write),
      write: item.write,
      ...(waiting === undefined ? {} : { waitingFor: waiting }),
      ...(item.conflict ? { conflict: item.conflict } : {}),
    };
  });
  const failed = items.filter((i) => i.state === 'failed').length;
  return { pending: items.length - failed, failed, items: summaries };
}
