import { useEffect, useReducer } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** The sidebar's sections that fold; a section's id is also its key in the remembered set. */
export type FoldId = 'people' | 'risk' | 'commitments' | 'note' | 'log' | 'prefs' | 'timeline';

/** The subset of `storage.local` used here (tests pass the fake browser's). */
export interface FoldStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Which sections the user folded, remembered per browser profile: a UI preference, no CRM data,
 * so `storage.local` is fine. Read once before the first render (`loadFolds`), so a folded
 * section never shows open for a frame; every sidebar frame of the profile follows a change.
 */
const KEY = 'sidebarFolds';
let folded = new Set<FoldId>();
const listeners = new Set<() => void>();
let store: FoldStorage | null = null;

const notify = () => {
  for (const listener of listeners) listener();
};

const isFoldId = (v: unknown): v is FoldId =>
  typeof v === 'string' && ['people', 'risk', 'commitments', 'note', 'log', 'prefs', 'timeline'].includes(v);

function adopt(value: unknown): void {
  folded = new Set(Array.isArray(value) ? value.filter(isFoldId) : []);
  notify();
}

/**
 * Reads the remembered folds; a storage that fails leaves every section open. (Not named
 * `storage`: WXT would take that name for its storage module and put it in the sidebar's bundle.)
 */
export async function loadFolds(local: FoldStorage = browser.storage.local): Promise<void> {
  store = local;
  try {
    adopt((await local.get(KEY))[KEY]);
  } catch {
    adopt([]);
  }
  if (local === browser.storage.local) {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && KEY in changes) adopt(changes[KEY]?.newValue);
    });
  }
}

export const isFolded = (id: FoldId): boolean => folded.has(id);

/** Folds or unfolds a section here at once, and remembers it (a failed save is only not remembered). */
export function setFolded(id: FoldId, fold: boolean): void {
  if (folded.has(id) === fold) return;
  folded = new Set(folded);
  if (fold) folded.add(id);
  else folded.delete(id);
  notify();
  void store?.set({ [KEY]: [...folded].sort() }).catch(() => undefined);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** Whether a section is folded, following every change. */
export function useFolded(id: FoldId): boolean {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => subscribe(() => rerender(1)), []);
  return folded.has(id);
}
