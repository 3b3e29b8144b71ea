import { useEffect, useState } from 'preact/hooks';
import { FrameMessage } from '../mail/sidebar-context';
import { encodeSidebarContext } from '../mail/sidebar-link';
import { readSource, sourceKey, type SidebarSource } from '../sidebar/source';
import { fromParent } from './frame-link';

/** Same thread with the same people, subject and theme: nothing to render again. */
function sameSource(a: SidebarSource, b: SidebarSource): boolean {
  if (sourceKey(a) !== sourceKey(b)) return false;
  return a.kind !== 'thread' || b.kind !== 'thread' || JSON.stringify(a.context) === JSON.stringify(b.context);
}

/**
 * What the sidebar is asked to show: the thread or address in the page's URL at first, then
 * each thread the hosting mail page hands over (or a new hash), without a reload. A handed-over
 * thread is written back into this page's own URL (replacing, not adding, a history entry), so
 * reloading the frame shows the same thread. Listening starts when this module loads, before
 * the first render, so a thread handed over while the sidebar starts is not missed.
 */
function createSourceStore(win: Window) {
  let current = readSource(win.location.hash, win.location.search);
  const listeners = new Set<() => void>();
  let port: MessagePort | null = null;

  const set = (next: SidebarSource) => {
    if (sameSource(current, next)) return;
    current = next;
    listeners.forEach((listener) => listener());
  };
  // Rewriting the URL costs the browser a few milliseconds: it waits until the thread is painted
  // and the frame is idle (a quick run of thread switches writes only the last).
  let unwritten: string | null = null;
  const writeUrl = () => {
    if (unwritten === null) return;
    win.history.replaceState(win.history.state, '', unwritten);
    unwritten = null;
  };
  const handed = (message: FrameMessage | null) => {
    // Put away beside the mail site's list: nothing of the last client stays drawn (or polled).
    if (message?.type === 'crm:park') return set({ kind: 'none' });
    if (message?.type !== 'crm:context') return;
    if (unwritten === null) whenIdle(win, writeUrl);
    unwritten = encodeSidebarContext(message.context);
    set({ kind: 'thread', context: message.context });
  };

  win.addEventListener('hashchange', () => set(readSource(win.location.hash, win.location.search)));
  win.addEventListener('message', (event: MessageEvent) => {
    const message = fromParent(event);
    if (message?.type === 'crm:context' || message?.type === 'crm:park') handed(message);
    // The page's end of this channel is the content script's: threads come through it from now on.
    else if (message?.type === 'crm:port' && event.ports[0]) {
      port?.close();
      port = event.ports[0];
      port.onmessage = (portEvent: MessageEvent) => {
        const parsed = FrameMessage.safeParse(portEvent.data);
        handed(parsed.success ? parsed.data : null);
      };
    }
  });

  return {
    get: () => current,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Runs `fn` when the frame is idle, within a second at most. */
function whenIdle(win: Window, fn: () => void): void {
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(fn, { timeout: 1000 });
  else win.setTimeout(fn, 50);
}

let store: ReturnType<typeof createSourceStore> | null = typeof window === 'undefined' ? null : createSourceStore(window);

export function useSidebarSource(): SidebarSource {
  store ??= createSourceStore(window);
  const source = store.get();
  const [, rendered] = useState(source);
  useEffect(() => {
    if (!store) return;
    const { get, subscribe } = store;
    const update = () => rendered(get());
    // Something handed over between the first render and now shows at once.
    update();
    return subscribe(update);
  }, []);
  return source;
}
