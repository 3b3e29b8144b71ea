import { useEffect, useState } from 'preact/hooks';
import { readSource, type SidebarSource } from '../sidebar/source';

/** The thread or address in the page's URL; a new hash (another thread) re-renders without a reload. */
export function useSidebarSource(): SidebarSource {
  const [source, setSource] = useState(() => readSource(location.hash, location.search));
  useEffect(() => {
    const update = () => setSource(readSource(location.hash, location.search));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return source;
}
