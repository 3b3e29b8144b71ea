import { useEffect, useReducer } from 'preact/hooks';
import type { Account, UserRef } from '../api';
import { shownAccount, type AccountChange, type AccountEdit } from './account-overlay';
import { useQueuedWrites } from './use-queued-writes';

/** The groups of the account's writes: the header's facts, and how they like to work. */
export type AccountGroup = 'account-facts' | 'account-prefs';

/**
 * Changes this page made to accounts, and versions the CRM named in its conflict answers: kept
 * while the page lives, as the writes are (`use-queued-writes.ts`), for every view that shows
 * the account (the header and the preferences card share them). What to do about a refused
 * change is decided in `account-choices.ts`, loaded with the views that show it, through the
 * hook's answer (so that those views import nothing of this module but its types).
 */
const accountEdits = { edits: [] as AccountEdit[], newer: new Map<string, Account>(), listeners: new Set<() => void>() };

function changeAccountEdits(update: () => void): void {
  update();
  for (const listener of accountEdits.listeners) listener();
}

/**
 * The account as shown, with the changes this page queued laid over it until the CRM has them
 * (a refused or discarded one is not), and `save` to queue one in the outbox. The writes belong
 * to the account, not to a thread: every thread of the client lists them.
 */
export function useAccountEdits(accountId: string, server: Account | null, group: AccountGroup) {
  const queued = useQueuedWrites(`account:${accountId}`);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const listener = () => rerender(1);
    accountEdits.listeners.add(listener);
    return () => void accountEdits.listeners.delete(listener);
  }, []);
  const states = new Map(queued.writes.map((w) => [w.key, w.status.state]));
  const live = (key: string) => states.get(key) === 'pending' || states.get(key) === 'saved';
  const shown = server ? shownAccount(server, accountEdits.newer.get(accountId), accountEdits.edits, live) : null;
  const mine = new Set(accountEdits.edits.filter((e) => e.accountId === accountId).map((e) => e.key));

  async function save(edit: { change: AccountChange; owner?: UserRef | null; team?: UserRef[] }, label: string): Promise<void> {
    const { key } = await queued.queue({ type: 'account-patch', accountId, body: edit.change }, label, group);
    changeAccountEdits(() => accountEdits.edits.push({ ...edit, key, accountId }));
  }

  return {
    accountId,
    account: shown?.account ?? null,
    pending: shown?.pending ?? false,
    /** The changes of this group this page queued for the account, and where each is. */
    writes: queued.writes.filter((w) => w.group === group && mine.has(w.key)),
    queued,
    save,
    /** The change queued with `key`, if this page queued it. */
    editOf: (key: string) => accountEdits.edits.find((e) => e.key === key),
    /** A version of the account the CRM named (in a conflict): shown from now on, unless a newer one is known. */
    remember(theirs: Account): void {
      const known = accountEdits.newer.get(accountId);
      if (!known || theirs.version > known.version) changeAccountEdits(() => accountEdits.newer.set(accountId, theirs));
    },
    /** Stops laying the change queued with `key` over the account (it was discarded). */
    forget(key: string): void {
      changeAccountEdits(() => void (accountEdits.edits = accountEdits.edits.filter((e) => e.key !== key)));
    },
  };
}

export type AccountEdits = ReturnType<typeof useAccountEdits>;
