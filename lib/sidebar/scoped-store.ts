/**
 * Values kept per scope (one thread and the person shown in it), for a view that stays mounted
 * while the scope changes: what was typed for one client is never shown for another, and comes
 * back when that thread and person are shown again.
 */
export interface ScopedStore<T> {
  /** The scope's value, or the initial one. */
  get(scope: string): T;
  /** Sets the scope's value (from its previous one); returns it. */
  set(scope: string, update: T | ((previous: T) => T)): T;
  /** The scopes holding a value other than the initial one, least recently set first. */
  scopes(): string[];
  /** Calls `listener` with the scope after each set (and with each scope dropped for room); returns the unsubscribe. */
  subscribe(listener: (scope: string) => void): () => void;
}

/**
 * A scope set back to `initial` (the same object) is forgotten. Beyond `max` scopes the one set
 * longest ago goes: the sidebar runs for a whole day of mail.
 */
export function createScopedStore<T>(initial: T, max = 200): ScopedStore<T> {
  const values = new Map<string, T>();
  const listeners = new Set<(scope: string) => void>();
  const get = (scope: string) => (values.has(scope) ? (values.get(scope) as T) : initial);
  const changed = (scope: string) => { for (const listener of listeners) listener(scope); };
  return {
    get,
    set(scope, update) {
      const next = typeof update === 'function' ? (update as (previous: T) => T)(get(scope)) : update;
      // Deleted first, so the scope set last is also the last in the map's order.
      values.delete(scope);
      if (next !== initial) values.set(scope, next);
      const dropped: string[] = [];
      for (const oldest of values.keys()) {
        if (values.size <= max) break;
        values.delete(oldest);
        dropped.push(oldest);
      }
      changed(scope);
      dropped.forEach(changed);
      return next;
    },
    scopes: () => [...values.keys()],
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
