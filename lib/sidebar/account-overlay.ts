import type { z } from 'zod';
import type { Account, AccountPatch, UserRef } from '../api';

/** A change to an account as the outbox sends it: the version it was made on, and the fields changed. */
export type AccountChange = z.output<typeof AccountPatch>;

/** A change this page queued, with the people it names, to show it before the CRM has it. */
export interface AccountEdit {
  key: string;
  accountId: string;
  change: AccountChange;
  owner?: UserRef | null;
  team?: UserRef[];
}

/** The account with `edit` applied, at the version the CRM gives it once applied. */
export function applyEdit(account: Account, edit: AccountEdit): Account {
  const c = edit.change;
  return {
    ...account,
    ...(c.name !== undefined ? { name: c.name } : {}),
    ...(c.domains ? { domains: c.domains } : {}),
    ...(c.stage ? { stage: c.stage } : {}),
    ...(c.ownerId !== undefined ? { owner: edit.owner ?? null } : {}),
    ...(c.teamMemberIds ? { team: edit.team ?? account.team } : {}),
    ...(c.cadenceDays !== undefined ? { cadenceDays: c.cadenceDays } : {}),
    ...(c.preferences ? { preferences: c.preferences } : {}),
    ...(c.specialTerms !== undefined ? { specialTerms: c.specialTerms } : {}),
    version: c.version + 1,
  };
}

/**
 * The account as the sidebar shows it: the newest version the CRM gave (its answer to a read, or
 * the one a conflict carried), with this page's changes laid over it while they are on their way
 * (`live`) and the CRM's version is older than the one each makes.
 */
export function shownAccount(
  server: Account,
  newer: Account | undefined,
  edits: readonly AccountEdit[],
  live: (key: string) => boolean,
): { account: Account; pending: boolean } {
  const base = newer && newer.version > server.version ? newer : server;
  let account = base;
  let pending = false;
  for (const edit of edits) {
    if (edit.accountId !== base.id || !live(edit.key) || base.version > edit.change.version) continue;
    account = applyEdit(account, edit);
    pending = true;
  }
  return { account, pending };
}
