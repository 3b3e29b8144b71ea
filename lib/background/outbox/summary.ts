import type { OutboxStatus, OutboxSummary } from '../../messaging/protocol';
import type { Write } from '../../messaging/write';
import type { OutboxItem } from './item';
import { accountOf, recordOf, waitingFor } from './refs';
import { textOf } from '../../messaging/write-text';

/** What a change without free text of its own is about, in a word the popup can show. */
function changeWord(write: Write): string {
  switch (write.type) {
    case 'commitment-patch':
      return write.body.status ?? '';
    case 'account-patch':
      return Object.keys(write.body).filter((k) => k !== 'version').join(', ');
    case 'interaction-patch':
      return Object.keys(write.body).filter((k) => k !== 'version').join(', ');
    case 'interaction-delete':
      return 'delete';
    case 'interaction-restore':
      return 'restore';
    default:
      return '';
  }
}

function excerptOf(write: Write): string {
  const text = textOf(write) || changeWord(write);
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
      recordId: recordOf(item.write),
      write: item.write,
      ...(waiting === undefined ? {} : { waitingFor: waiting }),
      ...(item.conflict ? { conflict: item.conflict } : {}),
    };
  });
  const failed = items.filter((i) => i.state === 'failed').length;
  return { pending: items.length - failed, failed, items: summaries };
}
