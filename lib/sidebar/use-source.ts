import { useEffect, useState } from 'preact/hooks';
import { decodeSidebarContext, type SidebarContext } from '../messaging/sidebar-context';
import { encodeSidebarContext } from '../messaging/sidebar-link';
import { sourceKey, type SidebarSource } from './source';
import { frameLink, type FrameLink } from './frame-link';

/**
 * What the sidebar shows: a source, or `waiting` while framed by a mail page before its content
 * script has handed a thread over the proven channel. `hint` is the thread in this page's own
 * URL, which the mail page could have chosen: it is looked up and drawn unseen and inert (see
 * SidebarApp), never shown unless the same thread comes through the channel.
 */
export type ShownSource =
  | SidebarSource
  | { kind: 'waiting'; hint: SidebarContext | null }
  /** Put away, hidden, beside the mail site's list until the next thread: nothing to draw or ask for. */
  | { kind: 'parked' };

/** Same thread with the same people, subject and theme: nothing to render again. */
function sameSource(a: ShownSource, b: ShownSource): boolean {
  if (a.kind === 'waiting' || b.kind === 'waiting') return a === b;
  if (a.kind === 'parked' || b.kind === 'parked') return a.kind === b.kind;
  if (sourceKey(a) !== sourceKey(b)) return false;
  return a.kind !== 'thread' || b.kind !== 'thread' || JSON.stringify(a.context) === JSON.stringify(b.context);
}

/**
 * What the sidebar is asked to show: each thread the content script hands over through the
 * proven channel (lib/sidebar/frame-link.ts), without a reload; nothing from the URL or window
 * messages, which a page script can set. Opened on its own (not in a frame), it shows nothing.
 * A handed-over thread is written back into this page's own URL (replacing, not adding, a
 * history entry), so a reload starts on it early. Listening starts when this module loads,
 * before the first render, so a thread handed over while the sidebar starts is not missed.
 */
function createSourceStore(win: Window, link: FrameLink) {
  let current: ShownSource = win.parent === win ? { kind: 'none' } : { kind: 'waiting', hint: decodeSidebarContext(win.location.hash) };
  const listeners = new Set<() => void>();

  const set = (next: ShownSource) => {
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
  link.listen((message, data) => {
    // Put away beside the mail site's list: nothing of the last client stays drawn (or polled),
    // and nothing else is drawn or asked for in its place while nobody can see it.
    if (message?.type === 'crm:park') return set({ kind: 'parked' });
    if (message?.type === 'crm:context') {
      if (unwritten === null) whenIdle(win, writeUrl);
      unwritten = encodeSidebarContext(message.context);
      return set({ kind: 'thread', context: message.context });
    }
    // A thread the content script read but that does not fit the contract: the layout changed.
    if (message === null && (data as { type?: unknown } | null)?.type === 'crm:context') set({ kind: 'unreadable' });
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

let store: ReturnType<typeof createSourceStore> | null = typeof window === 'undefined' ? null : createSourceStore(window, frameLink());

export function useSidebarSource(): ShownSource {
  store ??= createSourceStore(window, frameLink());
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
