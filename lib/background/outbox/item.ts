import type { Write } from '../../messaging/write';
import type { Problem } from '../../messaging/problem';

export type OutboxState = 'pending' | 'sending' | 'failed';

/** One write waiting in IndexedDB until the CRM has confirmed it. */
export interface OutboxItem {
  /** Auto-increment: the order writes were made in. */
  seq?: number;
  /** The Idempotency-Key: made once, sent with every attempt, so the CRM applies it once. */
  key: string;
  /** Writes of one group (an account) are sent in order; a waiting write holds back later ones. */
  group: string;
  write: Write;
  state: OutboxState;
  /** While "sending": the worker instance sending it. One from a stopped worker is resent. */
  sendingBy?: string;
  attempts: number;
  /** Epoch ms of the last attempt that ended without an answer for this write. */
  lastAttemptAt?: number;
  /** Epoch ms before which the item is not retried. */
  nextAttemptAt: number;
  createdAt: number;
  lastProblem: Problem | null;
  /** On 409: what the user wrote and the server's current record, both kept for them to choose. */
  conflict?: { mine: unknown; theirs: unknown };
}

/** The group that orders a write: its account, or for a contact with a new account, itself. */
export function groupOf(write: Write, key: string): string {
  switch (write.type) {
    case 'interaction':
    case 'commitment':
      return `account:${write.body.accountId}`;
    case 'commitment-patch':
    case 'account-patch':
    case 'interaction-patch':
    case 'interaction-delete':
    case 'interaction-restore':
    case 'contact-emails':
      return `account:${write.accountId}`;
    case 'contact':
      return write.body.accountId ? `account:${write.body.accountId}` : `new:${key}`;
  }
}
