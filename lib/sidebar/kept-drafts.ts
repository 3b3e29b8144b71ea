import { asCommitmentDraft, NO_COMMITMENT, type CommitmentDraft } from './commitment-draft';
import { asNoteDraft, EMPTY_NOTE, type NoteDraft } from './note-draft';
import { createScopedStore, type ScopedStore } from './scoped-store';

/** One kind of half-written form, kept per thread and person. */
export interface DraftKind<T> {
  /** Where a scope's draft is kept: one item each, so sidebars in two tabs never overwrite each other's. */
  prefix: string;
  store: ScopedStore<T>;
  /** Nothing typed: a scope holding it (this very object) has nothing to keep. */
  empty: T;
  /** A kept value read back, or null when it is not a draft of this kind. */
  read(value: unknown): T | null;
}

/** Half-written quick notes of this sidebar, per thread and person. */
export const noteDrafts = createScopedStore<NoteDraft>(EMPTY_NOTE);
/**
 * Per thread and person: whether the add-contact form is open, kept while the sidebar lives (a
 * client view passing through its skeleton included). Here rather than beside the form, which
 * loads on demand.
 */
export const contactFormsOpen = createScopedStore(false);
/** Add-commitment forms left open or typed in, per thread and person. */
export const commitmentDrafts = createScopedStore<CommitmentDraft>(NO_COMMITMENT);

export const NOTE_DRAFTS: DraftKind<NoteDraft> = { prefix: 'noteDraft:', store: noteDrafts, empty: EMPTY_NOTE, read: asNoteDraft };
export const COMMITMENT_DRAFTS: DraftKind<CommitmentDraft> = {
  prefix: 'commitmentDraft:', store: commitmentDrafts, empty: NO_COMMITMENT, read: asCommitmentDraft,
};

/** Kept drafts of a kind beyond this many, or older than this, are dropped when a sidebar starts. */
const KEEP_MAX = 200;
const KEEP_MS = 14 * 24 * 3600_000;
const WRITE_DELAY_MS = 250;

interface Kept<T> { draft: T; savedAt: number }

/** The subset of `storage.session` used here (tests pass the fake browser's). */
export interface DraftArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Where the page going away is told (the sidebar's window). */
export interface PageEvents { addEventListener(type: 'pagehide', listener: () => void): void }

/**
 * Keeps the drafts of each of `kinds` in the browser's session storage, so a form half written in
 * a thread is still there when the thread is opened again after the sidebar was closed (the mail
 * site showed its inbox) or reloaded. Session storage is held in memory until the browser closes
 * and, unlike `storage.local`, is not readable by content scripts. Drafts kept earlier are read
 * once for all kinds and restored first, each only into a scope with nothing typed yet; what
 * cannot be read as a draft is dropped. Writes are gathered for a moment and sent at once when the
 * page goes away.
 */
export function keepDrafts<Ts extends unknown[]>(
  area: DraftArea,
  kinds: { [K in keyof Ts]: DraftKind<Ts[K]> },
  win: PageEvents | null = globalThis.window ?? null,
  now: () => number = Date.now,
): { restored: Promise<void> } {
  const kept = area.get(null);
  const restored = kinds.map((kind) => keepKind(area, kind, kept, win, now));
  return { restored: Promise.all(restored).then(() => undefined) };
}

/** `keepDrafts` for one kind, from the storage's items read once (`kept`). */
function keepKind<T>(
  area: DraftArea,
  kind: DraftKind<T>,
  kept: Promise<Record<string, unknown>>,
  win: PageEvents | null,
  now: () => number,
): Promise<void> {
  const { prefix, store, empty } = kind;
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** While restoring: the sets made here are what is kept already. */
  let applying = false;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const scopes = [...dirty];
    dirty.clear();
    const set: Record<string, Kept<T>> = {};
    const gone: string[] = [];
    for (const scope of scopes) {
      const draft = store.get(scope);
      if (draft === empty) gone.push(prefix + scope);
      else set[prefix + scope] = { draft, savedAt: now() };
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
  return kept.then(async (items) => {
    const { restore, drop } = keptDrafts(items, kind, now());
    applying = true;
    try {
      for (const [scope, draft] of restore) if (store.get(scope) === empty) store.set(scope, draft);
    } finally {
      applying = false;
    }
    if (drop.length > 0) await area.remove(drop);
  }).catch(() => undefined);
}

/**
 * Of everything in session storage: the drafts of `kind` to restore (newest last, at most
 * KEEP_MAX, none older than KEEP_MS) and the keys to drop (the rest of its own, malformed ones
 * and empty ones included).
 */
export function keptDrafts<T>(items: Record<string, unknown>, kind: DraftKind<T>, now: number): { restore: [string, T][]; drop: string[] } {
  const good: [string, Kept<T>][] = [];
  const drop: string[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(kind.prefix)) continue;
    const kept = asKept(value, kind);
    if (kept && now - kept.savedAt <= KEEP_MS) good.push([key, kept]);
    else drop.push(key);
  }
  good.sort((a, b) => a[1].savedAt - b[1].savedAt);
  const over = Math.max(0, good.length - KEEP_MAX);
  drop.push(...good.slice(0, over).map(([key]) => key));
  return { restore: good.slice(over).map(([key, kept]) => [key.slice(kind.prefix.length), kept.draft]), drop };
}

function asKept<T>(value: unknown, kind: DraftKind<T>): Kept<T> | null {
  if (typeof value !== 'object' || value === null) return null;
  const { draft, savedAt } = value as { draft?: unknown; savedAt?: unknown };
  if (typeof savedAt !== 'number') return null;
  const read = kind.read(draft);
  return read === null || read === kind.empty ? null : { draft: read, savedAt };
}
