import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { createScopedStore, type ScopedStore } from './scoped-store';

export type ScopedSetter<T> = (update: T | ((previous: T) => T)) => void;

/**
 * `useState` for a view that stays mounted from client to client: the value of `scope`, and a
 * setter bound to the scope of the render that made it, so an answer that arrives after the user
 * moved on (a write queued, a failure) lands with the client it was for, not the one shown now.
 * With `store`, values outlive the component (a module's store lives as long as the page).
 */
export function useScoped<T>(scope: string, initial: T, store?: ScopedStore<T>): [T, ScopedSetter<T>] {
  const own = useRef<ScopedStore<T> | null>(null);
  const values = store ?? (own.current ??= createScopedStore(initial));
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const value = values.get(scope);
  const rendered = useRef(value);
  rendered.current = value;
  // A shared store may change from elsewhere (a draft restored after the page loaded), also
  // between this render and the subscription.
  useEffect(() => {
    if (!store) return undefined;
    const stop = values.subscribe((changed) => { if (changed === scope) rerender(1); });
    if (values.get(scope) !== rendered.current) rerender(1);
    return stop;
  }, [store, values, scope]);
  const set = useMemo<ScopedSetter<T>>(() => (update) => {
    values.set(scope, update);
    rerender(1);
  }, [values, scope]);
  return [value, set];
}
