import type { Fresh } from '../messaging/protocol';

/** Answers younger than this are served without asking the CRM. */
export const FRESH_MS = 5 * 60_000;

export interface SwrSource<T> {
  /** A stable name for the cached thing, so concurrent refreshes of it share one request. */
  key: string;
  read: () => Promise<{ value: T; fetchedAt: number } | undefined>;
  /** Fetches from the CRM and stores the answer; returns it. */
  fetch: () => Promise<T>;
}

export interface SwrDeps {
  now: () => number;
  background: (work: Promise<unknown>) => void;
  /** Called after a background refresh stored a newer answer. */
  refreshed: () => void;
  freshMs?: number;
  /** Whether the CRM is known to be unreachable, so a cached answer is flagged `offline`. */
  offline?: () => Promise<boolean>;
}

const inFlight = new Map<string, Promise<unknown>>();

/** One request per key at a time: a second caller joins the first. */
function shared<T>(key: string, run: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key) as Promise<T> | undefined;
  if (running) return running;
  const started = run().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}

/**
 * Stale-while-revalidate: a cached answer is returned at once; when it is older than
 * `freshMs` it is refreshed in the background and `refreshed` tells the pages. Without a cached
 * answer the caller waits for the CRM (and gets its problem if that fails). While the CRM can't
 * be reached, cached answers carry `offline: true`, so pages can say what they show is from `fetchedAt`.
 */
export async function staleWhileRevalidate<T>(source: SwrSource<T>, deps: SwrDeps): Promise<Fresh<T>> {
  const cached = await source.read();
  const now = deps.now();
  if (!cached) {
    const value = await shared(source.key, source.fetch);
    return { value, fetchedAt: now, stale: false };
  }
  const stale = now - cached.fetchedAt > (deps.freshMs ?? FRESH_MS);
  // Still tried while offline: a refresh that works is how the worker learns the CRM is back.
  if (stale) deps.background(shared(source.key, source.fetch).then(deps.refreshed));
  const offline = (await deps.offline?.()) ?? false;
  return { value: cached.value, fetchedAt: cached.fetchedAt, stale, ...(offline ? { offline } : {}) };
}
