import { useEffect, useReducer } from 'preact/hooks';
import type { Account } from '../api';

export interface ShownAccount { account: Account; pending: boolean }

/**
 * The account as the views that edit it show it (changes on their way laid over), published by
 * them for the header: the header loads none of the editing code, which comes on demand with the
 * form (`account-facts-panel.tsx`).
 */
const published = new Map<string, ShownAccount>();
const listeners = new Set<() => void>();

export function publishShownAccount(accountId: string, shown: ShownAccount | null): void {
  if (shown) published.set(accountId, shown);
  else published.delete(accountId);
  for (const listener of listeners) listener();
}

/** What was published for the account, else the CRM's account as read (null until it is in). */
export function useShownAccount(accountId: string, server: Account | null): { account: Account | null; pending: boolean } {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const listener = () => rerender(1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return (server && published.get(accountId)) || { account: server, pending: false };
}
