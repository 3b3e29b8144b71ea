import { useEffect, useState } from 'preact/hooks';
import { encodeSidebarContext } from '../mail/sidebar-link';
import { readSource, sourceKey, type SidebarSource } from '../sidebar/source';
import { fromParent } from './frame-link';

/**
 * What to show: the thread or address in the page's URL at first, then each thread the hosting
 * mail page hands over in a `crm:context` message (or a new hash), without a reload. A handed-over
 * thread is written back into this page's own URL (replacing, not adding, a history entry), so
 * reloading the frame shows the same thread.
 */
export function useSidebarSource(): SidebarSource {
  const [source, setSource] = useState(() => readSource(location.hash, location.search));
  useEffect(() => {
    const show = (next: SidebarSource) => setSource((prev) => (sameSource(prev, next) ? prev : next));
    const onHash = () => show(readSource(location.hash, location.search));
    const onMessage = (event: MessageEvent) => {
      const message = fromParent(event);
      if (message?.type !== 'crm:context') return;
      history.replaceState(history.state, '', encodeSidebarContext(message.context));
      show({ kind: 'thread', context: message.context });
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('message', onMessage);
    };
  }, []);
  return source;
}

/** Same thread with the same people, subject and theme: nothing to render again. */
function sameSource(a: SidebarSource, b: SidebarSource): boolean {
  if (sourceKey(a) !== sourceKey(b)) return false;
  return a.kind !== 'thread' || b.kind !== 'thread' || JSON.stringify(a.context) === JSON.stringify(b.context);
}
