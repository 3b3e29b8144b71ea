import { useEffect, useState } from 'preact/hooks';
import type { Interaction, InteractionPatch } from '../api';
import { t } from '../i18n';
import { applyPatch } from './entry-edit';
import { currentFromConflict, excerpt, undoPlan, type EntryChange } from './history-edits';
import { createScopedStore } from './scoped-store';
import { useQueuedWrites } from './use-queued-writes';
import { useScoped } from './use-scoped';

/** A deleted entry that can still be brought back, the write that deletes it, and until when Undo is offered. */
export interface UndoOffer { id: string; deleteKey: string; snapshot: Interaction; until: number }

/** How long Undo is offered after a delete. */
export const UNDO_MS = 15_000;

const NONE: ReadonlyMap<string, EntryChange> = new Map();
const NO_OFFERS: readonly UndoOffer[] = [];
const NO_NEWER: ReadonlyMap<string, Interaction> = new Map();
// Per account, for as long as the page lives: the history may be taken down and shown again.
const changeStore = createScopedStore(NONE);
const offerStore = createScopedStore(NO_OFFERS);
const newerStore = createScopedStore(NO_NEWER);
/** Writes whose refusal has been taken into account already (their change dropped once). */
const handled = new Set<string>();

const GROUP = 'history';

/**
 * The edits and deletes this page made to `accountId`'s history, queued in the outbox and laid
 * over the CRM's list until it catches up; a change the CRM refused (or that was discarded) is
 * dropped, and the entry shows as the CRM has it. After a delete, an offer to undo it.
 */
export function useHistoryChanges(accountId: string) {
  const writes = useQueuedWrites(`history:${accountId}`);
  const [changes, setChanges] = useScoped(accountId, NONE, changeStore);
  const [offers, setOffers] = useScoped(accountId, NO_OFFERS, offerStore);
  const [newer, setNewer] = useScoped(accountId, NO_NEWER, newerStore);
  const [failure, setFailure] = useState<unknown>(null);
  const mine = writes.writes.filter((w) => w.group === GROUP);

  const refused = mine.filter((w) => (w.status.state === 'failed' || w.status.state === 'discarded') && !handled.has(w.key));
  const refusedKey = refused.map((w) => w.key).join(',');
  useEffect(() => {
    if (refused.length === 0) return;
    for (const w of refused) handled.add(w.key);
    setChanges((m) => {
      const next = new Map(m);
      for (const w of refused) if (w.id) next.delete(w.id);
      return next;
    });
    // Someone changed the entry first: it is shown as the CRM's answer says it is now.
    const current = refused.flatMap((w) => {
      const problem = w.status.state === 'failed' ? w.status.problem : null;
      const entry = problem?.kind === 'conflict' ? currentFromConflict(problem.details) : null;
      return entry ? [entry] : [];
    });
    if (current.length > 0) setNewer((m) => new Map([...m, ...current.map((c) => [c.id, c] as const)]));
    // refusedKey names exactly the writes seen.
  }, [refusedKey]);

  const change = (id: string, value: EntryChange | null) =>
    setChanges((m) => {
      const next = new Map(m);
      if (value) next.set(id, value);
      else next.delete(id);
      return next;
    });

  /** Runs a queueing step; the change it made is taken back if the write could not be queued. */
  async function attempt(id: string, before: EntryChange | undefined, queue: () => Promise<unknown>): Promise<boolean> {
    try {
      await queue();
      setFailure(null);
      return true;
    } catch (error) {
      change(id, before ?? null);
      setFailure(error);
      return false;
    }
  }

  /** Queues an edit of the entry as shown (`item.version` is the version it was made against). */
  async function edit(item: Interaction, body: InteractionPatch): Promise<boolean> {
    const before = changes.get(item.id);
    change(item.id, { version: item.version + 1, deleted: false, snapshot: applyPatch(item, body) });
    return attempt(item.id, before, () =>
      writes.queue({ type: 'interaction-patch', interactionId: item.id, accountId, body }, t('sidebar_history_edited', excerpt(body.summary ?? item.summary)), GROUP),
    );
  }

  /** Queues the delete; the entry goes at once and an offer to undo it appears. */
  async function remove(item: Interaction): Promise<boolean> {
    const before = changes.get(item.id);
    change(item.id, { version: item.version + 1, deleted: true, snapshot: item });
    return attempt(item.id, before, async () => {
      const queued = await writes.queue({ type: 'interaction-delete', interactionId: item.id, accountId }, t('sidebar_history_deleted', excerpt(item.summary)), GROUP);
      setOffers((list) => [...list.filter((o) => o.id !== item.id), { id: item.id, deleteKey: queued.key, snapshot: item, until: Date.now() + UNDO_MS }]);
    });
  }

  /** Brings a deleted entry back: a restore queued behind the delete, or the refused delete dropped. */
  async function undo(offer: UndoOffer): Promise<boolean> {
    dismiss(offer);
    const state = writes.writes.find((w) => w.key === offer.deleteKey)?.status.state ?? null;
    const plan = undoPlan(state);
    const before = changes.get(offer.id);
    if (plan === 'discard') return attempt(offer.id, before, () => writes.discard(offer.deleteKey));
    if (plan === 'nothing') return true;
    change(offer.id, { version: (before?.version ?? offer.snapshot.version + 1) + 1, deleted: false, snapshot: offer.snapshot });
    return attempt(offer.id, before, () =>
      writes.queue({ type: 'interaction-restore', interactionId: offer.id, accountId }, t('sidebar_history_restored', excerpt(offer.snapshot.summary)), GROUP),
    );
  }

  function dismiss(offer: UndoOffer): void {
    setOffers((list) => list.filter((o) => o !== offer));
  }

  return { changes, newer, offers, failure, writes: mine, retry: writes.retry, discard: writes.discard, edit, remove, undo, dismiss };
}
