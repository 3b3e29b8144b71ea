import { useEffect } from 'preact/hooks';
import type { Account } from '../api';
import { accountFromConflict } from './account-edit';
import type { AccountEdit } from './account-overlay';
import type { AccountEdits } from './use-account-edits';
import type { TrackedWrite } from './use-queued-writes';

export interface AccountConflict {
  write: TrackedWrite;
  edit: AccountEdit;
  /** The account as the CRM holds it now. */
  theirs: Account;
}

/**
 * What became of the account's changes, and the choices about the refused ones: a change refused
 * because someone changed the account first (`conflicts`, with both versions) is made again on
 * their version (keep mine) or dropped (keep theirs); the CRM's version is shown from then on.
 */
export function useAccountChoices(edits: AccountEdits) {
  const { queued, remember, forget } = edits;
  const conflicts: AccountConflict[] = edits.writes.flatMap((write) => {
    const edit = edits.editOf(write.key);
    const problem = write.status.state === 'failed' ? write.status.problem : null;
    const theirs = problem?.kind === 'conflict' ? accountFromConflict(problem.details) : null;
    return edit && theirs ? [{ write, edit, theirs }] : [];
  });
  const conflictKey = conflicts.map((c) => `${c.write.key}@${c.theirs.version}`).join(',');
  // What a conflict says the account is now is newer than a cached read: shown at once.
  useEffect(() => conflicts.forEach((c) => remember(c.theirs)), [conflictKey]);

  async function discard(key: string): Promise<void> {
    await queued.discard(key);
    forget(key);
  }

  // A conflict that names no version: a domain the change sets belongs to another client.
  const taken = edits.writes.flatMap((write) => {
    const domains = edits.editOf(write.key)?.change.domains;
    const problem = write.status.state === 'failed' ? write.status.problem : null;
    return domains && problem?.kind === 'conflict' && !conflicts.some((c) => c.write.key === write.key) ? [{ write, domains }] : [];
  });

  return {
    conflicts,
    /** Refused because one of the domains it sets is another client's (which one, the CRM's message says). */
    taken,
    /** The rest: on their way, saved, or refused for another reason (with retry and discard). */
    others: edits.writes.filter((w) => !conflicts.some((c) => c.write.key === w.key)),
    retry: (key: string) => queued.retry(key),
    discard,
    /** My change made again on the version the CRM holds now; the refused one goes. */
    async keepMine({ write, edit, theirs }: AccountConflict): Promise<void> {
      remember(theirs);
      await edits.save({ ...edit, change: { ...edit.change, version: theirs.version } }, write.label);
      await discard(write.key);
    },
    /** The CRM's version stays; my refused change goes. */
    async keepTheirs({ write, theirs }: AccountConflict): Promise<void> {
      remember(theirs);
      await discard(write.key);
    },
  };
}
