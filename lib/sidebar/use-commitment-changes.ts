import { useEffect, useState } from 'preact/hooks';
import type { Commitment } from '../api';
import type { currentFromConflict } from './commitment-conflict';
import { ofAccount, overlayCommitments, type CommitmentRow, type LocalChange } from './commitment-overlay';
import type { QueuedWrites } from './use-queued-writes';

// The reader of a conflict's record, loaded with its schema when the first conflict shows.
let readConflict: typeof currentFromConflict | null = null;

const without = <K, V>(map: ReadonlyMap<K, V>, key: K): Map<K, V> => {
  const next = new Map(map);
  next.delete(key);
  return next;
};

/**
 * The commitments this page changed or added, laid over the CRM's list until it catches up.
 * A change the CRM refused because someone else changed the commitment first is dropped, and
 * the commitment is shown as the CRM's answer says it is now. Changes are kept for every account
 * the view has shown; each list gets only its own account's.
 */
export function useCommitmentChanges(writes: QueuedWrites) {
  const [changes, setChanges] = useState<ReadonlyMap<string, LocalChange>>(new Map());
  const [added, setAdded] = useState<Commitment[]>([]);
  const [newer, setNewer] = useState<ReadonlyMap<string, Commitment>>(new Map());
  const [, setReaderLoaded] = useState(readConflict !== null);
  const refusals = writes.writes.flatMap((w) => {
    const problem = w.group === 'commitment' && w.status.state === 'failed' ? w.status.problem : null;
    return problem?.kind === 'conflict' ? [problem.details] : [];
  });
  const conflicts = refusals.flatMap((details) => {
    const current = readConflict?.(details) ?? null;
    return current ? [current] : [];
  });
  const conflicted = refusals.length > 0;
  useEffect(() => {
    if (!conflicted || readConflict) return;
    // Should it fail to load, the write still shows as refused, with the CRM's words.
    void import('./commitment-conflict').then((m) => {
      readConflict = m.currentFromConflict;
      setReaderLoaded(true);
    }, () => undefined);
  }, [conflicted]);
  const conflictKey = conflicts.map((c) => `${c.id}@${c.version}`).join(',');
  useEffect(() => {
    if (conflicts.length === 0) return;
    setNewer((m) => new Map([...m, ...conflicts.map((c) => [c.id, c] as const)]));
    setChanges((m) => conflicts.reduce<ReadonlyMap<string, LocalChange>>((next, c) => without(next, c.id), m));
    // conflictKey names exactly the conflicts seen.
  }, [conflictKey]);
  // A change or addition discarded (from the popup, after the CRM refused it) will never reach the CRM: stop showing it.
  const discarded = writes.writes.flatMap((w) => (w.group === 'commitment' && w.status.state === 'discarded' && w.id ? [w.id] : []));
  const discardedKey = discarded.join(',');
  useEffect(() => {
    if (discarded.length === 0) return;
    setChanges((m) => discarded.reduce<ReadonlyMap<string, LocalChange>>((next, id) => without(next, id), m));
    setAdded((list) => list.filter((c) => !discarded.includes(c.id)));
    // discardedKey names exactly the ids seen.
  }, [discardedKey]);

  /** Queues the new status for the version shown; throws (and shows it unchanged) when it can't be queued. */
  async function setStatus(c: Commitment, status: 'open' | 'done'): Promise<void> {
    setChanges((m) => new Map(m).set(c.id, { status, version: c.version + 1, snapshot: c }));
    try {
      await writes.queue(
        { type: 'commitment-patch', commitmentId: c.id, accountId: c.accountId, body: { version: c.version, status } },
        c.text,
        'commitment',
      );
    } catch (error) {
      setChanges((m) => without(m, c.id));
      throw error;
    }
  }

  return {
    rows: (accountId: string, server: readonly Commitment[]): CommitmentRow[] => {
      const mine = ofAccount(accountId, changes, added);
      return overlayCommitments(server, mine.changes, mine.added, newer);
    },
    setStatus,
    added: (c: Commitment) => setAdded((list) => [...list, c]),
  };
}
