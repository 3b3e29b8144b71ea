import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component loaded on demand (`import()`), so that forms and views not needed for the first
 * paint stay out of the sidebar's first bundle. Nothing is shown until the module is in (it is
 * local: a few milliseconds); once loaded it is kept for every later use. A failed load is tried
 * again at the next mount rather than kept as a failure.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded); // a function given to useState is called: wrap it
    useEffect(() => {
      if (component) return;
      let live = true;
      loading ??= load().then((c) => (loaded = c), (error: unknown) => {
        loading = null;
        throw error;
      });
      loading.then((c) => live && setComponent(() => c), () => undefined);
      return () => void (live = false);
    }, [component]);
    return component ? h(component, props) : null;
  };
}
