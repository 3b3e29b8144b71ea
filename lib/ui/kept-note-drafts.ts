import { EMPTY_NOTE, NOTE_KINDS, type NoteDraft } from '../sidebar/note-draft';
import { createScopedStore, type ScopedStore } from '../sidebar/scoped-store';

/** Half-written quick notes of this sidebar, per thread and person. */
export const noteDrafts = createScopedStore<NoteDraft>(EMPTY_NOTE);

/** Where a scope's draft is kept: one item each, so sidebars in two tabs never overwrite each other's. */
const PREFIX = 'noteDraft:';
/** Kept drafts beyond this many, or older than this, are dropped when a sidebar starts. */
const KEEP_MAX = 200;
const KEEP_MS = 14 * 24 * 3600_000;
const WRITE_DELAY_MS = 250;

interface Kept { draft: NoteDraft; savedAt: number }

/** The subset of `storage.session` used here (tests pass the fake browser's). */
export interface DraftArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Where the page going away is told (the sidebar's window). */
export interface PageEvents { addEventListener(type: 'pagehide', listener: () => void): void }

/**
 * Keeps `store`'s drafts in the browser's session storage, so a note half written in a thread is
 * still there when the thread is opened again after the sidebar was closed (the mail site showed
 * its inbox) or reloaded. Session storage is held in memory until the browser closes and, unlike
 * `storage.local`, is not readable by content scripts. Drafts kept earlier are restored first,
 * each only into a scope with nothing typed yet; what cannot be read as a draft is dropped.
 * Writes are gathered for a moment and sent at once when the page goes away.
 */
export function keepNoteDrafts(
  area: DraftArea,
  store: ScopedStore<NoteDraft> = noteDrafts,
  win: PageEvents | null = globalThis.window ?? null,
  now: () => number = Date.now,
): { restored: Promise<void> } {
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** While restoring: the sets made here are what is kept already. */
  let applying = false;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const scopes = [...dirty];
    dirty.clear();
    const set: Record<string, Kept> = {};
    const gone: string[] = [];
    for (const scope of scopes) {
      const draft = store.get(scope);
      if (draft === EMPTY_NOTE) gone.push(PREFIX + scope);
      else set[PREFIX + scope] = { draft, savedAt: now() };
    }
    await Promise.all([
      Object.keys(set).length > 0 ? area.set(set) : null,
      gone.length > 0 ? area.remove(gone) : null,
    ]);
  };
  store.subscribe((scope) => {
    if (applying) return;
    dirty.add(scope);
    timer ??= setTimeout(() => void flush().catch(() => undefined), WRITE_DELAY_MS);
  });
  win?.addEventListener('pagehide', () => void flush().catch(() => undefined));
  const restored = area.get(null).then(async (items) => {
    const kept = keptDrafts(items, now());
    applying = true;
    try {
      for (const [scope, draft] of kept.restore) if (store.get(scope) === EMPTY_NOTE) store.set(scope, draft);
    } finally {
      applying = false;
    }
    if (kept.drop.length > 0) await area.remove(kept.drop);
  }).catch(() => undefined);
  return { restored };
}

/**
 * Of everything in session storage: the drafts to restore (newest last, at most KEEP_MAX, none
 * older than KEEP_MS) and the keys to drop (the rest of ours, malformed ones included).
 */
export function keptDrafts(items: Record<string, unknown>, now: number): { restore: [string, NoteDraft][]; drop: string[] } {
  const good: [string, Kept][] = [];
  const drop: string[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(PREFIX)) continue;
    const kept = asKept(value);
    if (kept && now - kept.savedAt <= KEEP_MS) good.push([key, kept]);
    else drop.push(key);
  }
  good.sort((a, b) => a[1].savedAt - b[1].savedAt);
  const over = Math.max(0, good.length - KEEP_MAX);
  drop.push(...good.slice(0, over).map(([key]) => key));
  return { restore: good.slice(over).map(([key, kept]) => [key.slice(PREFIX.length), kept.draft]), drop };
}

function asKept(value: unknown): Kept | null {
  if (typeof value !== 'object' || value === null) return null;
  const { draft, savedAt } = value as { draft?: unknown; savedAt?: unknown };
  if (typeof savedAt !== 'number' || typeof draft !== 'object' || draft === null) return null;
  const { kind, text, promise, due } = draft as Record<string, unknown>;
  if (!NOTE_KINDS.includes(kind as NoteDraft['kind'])) return null;
  if (typeof text !== 'string' || typeof promise !== 'string' || typeof due !== 'string') return null;
  return { draft: { kind: kind as NoteDraft['kind'], text, promise, due }, savedAt };
}
