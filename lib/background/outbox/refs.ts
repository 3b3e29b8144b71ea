import type { Write } from '../../messaging/write';
import type { OutboxItem } from './item';

/** The record id a write creates with a client-made id, so that later writes can refer to it. */
export function createdIdOf(write: Write): string | null {
  switch (write.type) {
    case 'interaction':
    case 'commitment':
    case 'contact':
      return write.body.id ?? null;
    default:
      return null;
  }
}

/** The record a write creates (client-made id) or changes, to match it with what the CRM shows. */
export function recordOf(write: Write): string | null {
  switch (write.type) {
    case 'commitment-patch':
      return write.commitmentId;
    case 'account-patch':
      return write.accountId;
    case 'interaction-patch':
    case 'interaction-delete':
    case 'interaction-restore':
      return write.interactionId;
    case 'contact-emails':
      return write.contactId;
    default:
      return createdIdOf(write);
  }
}

/** Every record id a write refers to (not the one it creates). */
export function refsOf(write: Write): string[] {
  switch (write.type) {
    case 'interaction':
      return [write.body.accountId, ...write.body.contactIds];
    case 'commitment':
      return [write.body.accountId, write.body.contactId, write.body.sourceInteractionId].filter((id): id is string => id !== null);
    case 'commitment-patch':
      return [write.commitmentId, write.accountId];
    case 'contact':
      return write.body.accountId === undefined ? [] : [write.body.accountId];
    case 'account-patch':
      return [write.accountId, ...(write.body.ownerId ? [write.body.ownerId] : [])];
    // A note edited or deleted before the CRM has it waits for the write that creates it.
    case 'interaction-patch':
      return [write.interactionId, write.accountId, ...(write.body.contactIds ?? [])];
    case 'interaction-delete':
    case 'interaction-restore':
      return [write.interactionId, write.accountId];
    case 'contact-emails':
      return [write.contactId, write.accountId];
  }
}

/** The account a write belongs to, when it names one. */
export function accountOf(write: Write): string | null {
  switch (write.type) {
    case 'interaction':
    case 'commitment':
      return write.body.accountId;
    case 'contact':
      return write.body.accountId ?? null;
    default:
      return write.accountId;
  }
}

/**
 * For each write that refers to a record an earlier write in the outbox creates, the key of that
 * earlier write: it has to reach the CRM first, or the later one would be refused as "not found".
 * `items` are in outbox order (oldest first).
 */
export function waitingFor(items: readonly OutboxItem[]): Map<string, string> {
  const creators = new Map<string, string>();
  const waits = new Map<string, string>();
  for (const item of items) {
    const blocker = refsOf(item.write).map((id) => creators.get(id)).find((key) => key !== undefined);
    if (blocker !== undefined) waits.set(item.key, blocker);
    const created = createdIdOf(item.write);
    if (created !== null && !creators.has(created)) creators.set(created, item.key);
  }
  return waits;
}
