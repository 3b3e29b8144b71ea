import type { Commitment } from '../api';

/** A change this page queued and the server may not show yet. */
export interface LocalChange {
  status: 'open' | 'done';
  /** The version the commitment has once the change is applied. */
  version: number;
  /** The commitment as last seen, to keep showing it while the server's list lags behind. */
  snapshot: Commitment;
}

export interface CommitmentRow {
  commitment: Commitment;
  /** Not yet confirmed by the server. */
  pending: boolean;
}

/**
 * The open commitments to show: the server's list with this page's queued changes laid over it
 * until the server reports them (its version catches up), plus commitments added here that the
 * server does not list yet. Done ones stay visible (with Undo) for as long as the page keeps them.
 */
export function overlayCommitments(
  server: readonly Commitment[],
  changes: ReadonlyMap<string, LocalChange>,
  added: readonly Commitment[],
  /** Newer versions learnt from the CRM's conflict answers, ahead of the cached list. */
  newer: ReadonlyMap<string, Commitment> = new Map(),
): CommitmentRow[] {
  const rows: CommitmentRow[] = [];
  const listed = new Set<string>();
  for (const cached of server) {
    const known = newer.get(cached.id);
    const c = known && known.version > cached.version ? known : cached;
    if (c.status !== 'open' && !changes.has(c.id)) continue;
    listed.add(c.id);
    const change = changes.get(c.id);
    if (change && c.version < change.version) {
      rows.push({ commitment: { ...c, status: change.status, version: change.version }, pending: true });
    } else {
      rows.push({ commitment: c, pending: false });
    }
  }
  for (const [id, change] of changes) {
    if (listed.has(id)) continue;
    listed.add(id);
    // Not in the open list: done (as asked) or reopened but the list is older than the change.
    rows.push({ commitment: { ...change.snapshot, status: change.status, version: change.version }, pending: change.status === 'open' });
  }
  for (const c of added) if (!listed.has(c.id)) rows.push({ commitment: c, pending: true });
  return rows;
}

/**
 * The changes and additions made to `accountId`'s commitments, out of those this page made to
 * any account's: a list shows only its own account's, however many clients the view showed.
 */
export function ofAccount(
  accountId: string,
  changes: ReadonlyMap<string, LocalChange>,
  added: readonly Commitment[],
): { changes: ReadonlyMap<string, LocalChange>; added: Commitment[] } {
  const mine = new Map<string, LocalChange>();
  for (const [id, change] of changes) if (change.snapshot.accountId === accountId) mine.set(id, change);
  return { changes: mine, added: added.filter((c) => c.accountId === accountId) };
}
