import { useQuery } from '@tanstack/preact-query';
import { useEffect, useState } from 'preact/hooks';
import type { AttentionPage } from '../api';
import { ask } from './ask';

export type AttentionOwner = 'me' | 'team';
export type AttentionSection = 'atRisk' | 'commitments' | 'rhythm';

/** Who needs me (or my team) today: the cached first page of the three lists, at once and offline. */
export function useAttention(owner: AttentionOwner) {
  return useQuery({ queryKey: ['attention', owner], queryFn: () => ask('getAttention', { owner }) });
}

/** How long typing must pause before the CRM is asked. */
export const SEARCH_DEBOUNCE_MS = 250;

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Accounts matching what was typed, asked once typing pauses; nothing for blank input. */
export function useAccountSearch(typed: string) {
  const q = useDebounced(typed.trim(), SEARCH_DEBOUNCE_MS);
  const query = useQuery({ queryKey: ['account-search', q], queryFn: () => ask('searchAccounts', { q }), enabled: q !== '', staleTime: 30_000 });
  return { q, settled: q === typed.trim(), ...query };
}

/**
 * A section's rows, its first page then the further pages the user asked for ("Show more"), each
 * from the previous one's `nextCursor`; they start again when the first page changes.
 */
export function useSectionRows<K extends AttentionSection>(owner: AttentionOwner, page: AttentionPage, section: K) {
  type Section = NonNullable<AttentionPage[K]>;
  const [more, setMore] = useState<Section[]>([]);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => setMore([]), [page]);
  const first = page[section] as Section | undefined;
  const last = more.at(-1) ?? first;
  async function loadMore(): Promise<void> {
    if (!last?.nextCursor) return;
    setLoading(true);
    setProblem(null);
    try {
      const next = (await ask('getAttention', { owner, cursor: last.nextCursor })).value[section] as Section | undefined;
      if (next) setMore((list) => [...list, next]);
    } catch (error) {
      setProblem(error);
    } finally {
      setLoading(false);
    }
  }
  const rows: Section['items'][number][] = [];
  for (const s of [first, ...more]) rows.push(...((s?.items ?? []) as Section['items']));
  return { rows, hasMore: Boolean(last?.nextCursor), loading, problem, loadMore };
}
