import { z } from 'zod';
import { Interaction, type InteractionKind, type Me } from '../api';
import type { WriteState } from './write-state';

/**
 * A change this page queued to an entry of the history (an edit, a delete, an undo of a delete)
 * that the CRM's list may not show yet.
 */
export interface EntryChange {
  /** The version the entry has once every change queued so far is applied. */
  version: number;
  deleted: boolean;
  /** The entry with the edits applied, as last seen: shown while the CRM's list lags behind. */
  snapshot: Interaction;
}

export interface HistoryRow {
  item: Interaction;
  /** A change of this page the CRM has not confirmed yet. */
  pending: boolean;
}

/** What the list holds besides its items: the kinds it shows (none: all) and whether older pages follow. */
export interface ListedRange {
  kinds: readonly InteractionKind[];
  hasMore: boolean;
}

/**
 * The history to show: the CRM's entries with this page's queued changes laid over them until
 * the CRM reports them (its version catches up); a deleted entry is left out, and one brought
 * back is shown from its snapshot while the CRM's list still lacks it, when it belongs to the
 * list (its kind, and not older than the last entry loaded when older pages follow).
 */
export function overlayHistory(
  server: readonly Interaction[],
  changes: ReadonlyMap<string, EntryChange>,
  range: ListedRange,
  /** Newer versions learnt from the CRM's conflict answers, ahead of the cached list. */
  newer: ReadonlyMap<string, Interaction> = new Map(),
): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const listed = new Set<string>();
  for (const cached of server) {
    const known = newer.get(cached.id);
    const item = known && known.version > cached.version ? known : cached;
    listed.add(item.id);
    const change = changes.get(item.id);
    if (!change || item.version >= change.version) rows.push({ item, pending: false });
    else if (!change.deleted) rows.push({ item: { ...change.snapshot, version: change.version }, pending: true });
  }
  const oldest = server.at(-1)?.occurredAt;
  for (const [id, change] of changes) {
    if (listed.has(id) || change.deleted) continue;
    const item = change.snapshot;
    if (range.kinds.length > 0 && !range.kinds.includes(item.kind)) continue;
    if (range.hasMore && oldest !== undefined && item.occurredAt < oldest) continue;
    rows.push({ item: { ...item, version: change.version }, pending: true });
  }
  // Newest first, as the CRM lists them; ties keep the CRM's order.
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (a.row.item.occurredAt === b.row.item.occurredAt ? a.i - b.i : a.row.item.occurredAt < b.row.item.occurredAt ? 1 : -1))
    .map(({ row }) => row);
}

/**
 * Whether the signed-in user may edit and delete an entry, as the CRM decides: its author may;
 * anyone of the team may when the team allows it. Unknown user: no (the CRM would refuse).
 */
export function mayChange(item: Interaction, me: Me | null | undefined): boolean {
  if (!me) return false;
  if (me.team.teamMayEditNotes) return true;
  return item.author !== null && item.author.id === me.user.id;
}

/**
 * What Undo does after a delete: a delete the CRM refused (or that was dropped) never happened,
 * so it is discarded, or nothing is left to do; otherwise a restore is queued behind the delete
 * (the outbox keeps an account's writes in order, so it is sent after the delete, queued or not).
 */
export function undoPlan(deleteState: WriteState['state'] | null): 'restore' | 'discard' | 'nothing' {
  if (deleteState === 'failed') return 'discard';
  if (deleteState === 'discarded') return 'nothing';
  return 'restore';
}

const ConflictDetails = z.object({ interaction: Interaction });

/** The current entry a 409 answer carries (`error.details.interaction`), if it does. */
export function currentFromConflict(details: unknown): Interaction | null {
  const parsed = ConflictDetails.safeParse(details);
  return parsed.success ? parsed.data.interaction : null;
}

/** A short excerpt of an entry's text, to name it in a label or a status line. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
