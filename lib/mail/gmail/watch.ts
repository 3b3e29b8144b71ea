import type { ListRow, ReaderOptions, ReadResult, ThreadContext } from '../types';
import { readListRows } from './read-list';
import { readThread } from './read-thread';
import { parseGmailUrl, type GmailRoute } from './routes';
import { listBodiesOf, mainOf, threadContainerOf } from './scope';

export interface GmailWatchCallbacks {
  /** The view changed (also called once at start). `null`: not a Gmail mail URL. */
  onRoute?(route: GmailRoute | null): void;
  /** The open thread was read, or `null` when no thread is shown. Called only when it changed. */
  onThread?(result: ReadResult<ThreadContext> | null): void;
  /** The list rows were read, or `null` when no list is shown. Called only when they changed. */
  onList?(result: ReadResult<ListRow[]> | null): void;
}

export interface GmailWatchOptions extends ReaderOptions {
  /** Frames to keep looking for a view's containers after it changes (~5 s at 60 fps). */
  locateFrames?: number;
  /** Runs `fn` before the next paint; returns a cancel. Defaults to requestAnimationFrame. */
  schedule?: (fn: () => void) => () => void;
  /** The readers, replaceable so tests can count reads. */
  readers?: { thread: typeof readThread; list: typeof readListRows };
}

// A thread changes when messages are added or expanded (state lives in aria-expanded or the class);
// a list when rows come and go or Gmail fills in an id or address.
const THREAD_WATCH = { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-expanded', 'class'] };
const LIST_WATCH = { childList: true, subtree: true, attributes: true, attributeFilter: ['email', 'data-legacy-thread-id', 'data-thread-id'] };

/**
 * Keeps the open thread and the list rows read while Gmail changes the page. It observes only the
 * thread container and the list bodies (plus their parents, without subtree, to notice Gmail
 * swapping them); mutations only mark work, and the work runs at most once per frame. It
 * re-finds the containers when the view changes (hashchange, popstate) and stops everything
 * when `signal` aborts.
 */
export function watchGmail(doc: Document, signal: AbortSignal, callbacks: GmailWatchCallbacks, opts: GmailWatchOptions): void {
  const win = doc.defaultView;
  if (signal.aborted || !win) return;
  const schedule = opts.schedule ?? ((fn) => { const id = win.requestAnimationFrame(fn); return () => win.cancelAnimationFrame(id); });
  const readers = opts.readers ?? { thread: readThread, list: readListRows };
  const maxFrames = opts.locateFrames ?? 300;

  let route: GmailRoute | null = null;
  let thread: Element | null = null;
  let lists: Element[] = [];
  let observers: MutationObserver[] = [];
  let cancel: (() => void) | null = null;
  let framesLeft = 0;
  const dirty = { thread: false, list: false };
  const last = { thread: '', list: '' };

  const request = () => { cancel ??= schedule(flush); };
  const disconnect = () => { observers.forEach((o) => o.disconnect()); observers = []; thread = null; lists = []; };
  const observe = (target: Node, init: MutationObserverInit, onChange: () => void) => {
    const observer = new win.MutationObserver(() => { onChange(); request(); });
    observer.observe(target, init);
    observers.push(observer);
  };
  const emit = <T>(kind: 'thread' | 'list', value: ReadResult<T> | null, send?: (v: ReadResult<T> | null) => void) => {
    const key = JSON.stringify(value);
    if (key === last[kind]) return;
    last[kind] = key;
    send?.(value);
  };

  function viewChanged(): void {
    disconnect();
    route = parseGmailUrl(doc.location?.href ?? doc.URL);
    callbacks.onRoute?.(route);
    framesLeft = maxFrames;
    request();
  }

  function locate(): void {
    const before = [thread, ...lists];
    disconnect();
    thread = threadContainerOf(doc);
    lists = listBodiesOf(doc);
    for (const el of [...(thread ? [thread] : []), ...lists]) {
      const isThread = el === thread;
      observe(el, isThread ? THREAD_WATCH : LIST_WATCH, () => { dirty[isThread ? 'thread' : 'list'] = true; });
      // Gmail replaces whole containers on refresh; a childList watch on the parent sees that.
      if (el.parentNode) observe(el.parentNode, { childList: true }, () => { if (!el.isConnected) framesLeft = maxFrames; });
    }
    // Only a container not read before needs a read now; the rest are read when they change.
    dirty.thread ||= thread !== null && !before.includes(thread);
    dirty.list ||= lists.some((el) => !before.includes(el));
    const wantThread = route?.kind === 'thread';
    const wantList = route?.kind === 'list';
    const done = (!wantThread || thread !== null) && (!wantList || lists.length > 0);
    framesLeft = done ? 0 : framesLeft - 1;
    if (framesLeft > 0) return request();
    // Gave up (or nothing expected): an expected container that never came is not-recognised.
    if (!thread) emit('thread', wantThread ? readers.thread(doc, opts) : null, callbacks.onThread);
    if (lists.length === 0) emit('list', wantList ? readers.list(doc, opts) : null, callbacks.onList);
  }

  function flush(): void {
    cancel = null;
    if (signal.aborted) return;
    if ((thread && !thread.isConnected) || lists.some((el) => !el.isConnected)) framesLeft = maxFrames;
    if (framesLeft > 0) locate();
    if (dirty.thread && thread) emit('thread', readers.thread(thread, opts), callbacks.onThread);
    if (dirty.list && lists.length > 0) {
      const root = lists.length === 1 ? lists[0] : mainOf(doc);
      if (root) emit('list', readers.list(root, opts), callbacks.onList);
    }
    dirty.thread = dirty.list = false;
  }

  win.addEventListener('hashchange', viewChanged, { signal });
  win.addEventListener('popstate', viewChanged, { signal });
  signal.addEventListener('abort', () => { cancel?.(); cancel = null; disconnect(); }, { once: true });
  viewChanged();
}
