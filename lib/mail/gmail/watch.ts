import type { ListRow, ReaderOptions, ReadResult, ThreadContext } from '../types';
import type { SiteWatchCallbacks } from '../site-adapter';
import { nextFrameOf, type Schedule } from '../next-frame';
import { notRecognised } from '../types';
import { createListRows, holdsRowValue, insideRowValue, readRowGroup, ROW_VALUE_ATTRIBUTES, type RowRead } from './list-rows';
import { readListRows } from './read-list';
import { readThread } from './read-thread';
import { parseGmailUrl, type GmailRoute } from './routes';
import { listBodiesOf, mainOf, threadContainerOf } from './scope';

export type GmailWatchCallbacks = SiteWatchCallbacks<GmailRoute, ThreadContext, ListRow>;

export interface GmailWatchOptions extends ReaderOptions {
  /** Frames to keep looking for a view's containers after it changes (~5 s at 60 fps). */
  locateFrames?: number;
  /** Runs `fn` before the next paint; returns a cancel. Defaults to requestAnimationFrame. */
  schedule?: Schedule;
  /**
   * The readers, replaceable so tests can count reads: the thread, one conversation of the list,
   * and the whole list (only for a list expected but never found).
   */
  readers?: { thread?: typeof readThread; row?: typeof readRowGroup; list?: typeof readListRows };
}

// A thread changes when messages are added or expanded (state lives in aria-expanded or the class);
// a list when rows come and go or Gmail fills in an id or address.
const THREAD_WATCH = { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-expanded', 'class'] };
const LIST_WATCH = { childList: true, subtree: true, attributes: true, attributeFilter: [...ROW_VALUE_ATTRIBUTES] };

/**
 * Keeps the open thread and the list rows read while Gmail changes the page. It observes only the
 * thread container and the list bodies (plus their parents, without subtree, to notice Gmail
 * swapping them). Mutations only mark work: in the list, the table rows they touched, and only
 * when they can change a row's sender or thread id (a date cell's text cannot); the work runs at
 * most once per frame and reads only those rows. A view change (hashchange, popstate) is read at
 * once, in a microtask, when its containers are already there; it re-finds the containers, and
 * everything stops when `signal` aborts.
 */
export function watchGmail(doc: Document, signal: AbortSignal, callbacks: GmailWatchCallbacks, opts: GmailWatchOptions): void {
  const win = doc.defaultView;
  if (signal.aborted || !win) return;
  const schedule = opts.schedule ?? nextFrameOf(win);
  const readThreadOf = opts.readers?.thread ?? readThread;
  const readWholeList = opts.readers?.list ?? readListRows;
  const rows = createListRows(opts.readers?.row ?? readRowGroup);
  const maxFrames = opts.locateFrames ?? 300;

  let route: GmailRoute | null = null;
  let thread: Element | null = null;
  let lists: Element[] = [];
  let listSet = new Set<Node>();
  let observers: MutationObserver[] = [];
  let cancel: (() => void) | null = null;
  let soon = false;
  let framesLeft = 0;
  const dirty = { thread: false, list: false };
  const last = { thread: '', list: '' };
  /** Since the last read: the list's table rows touched, and the bodies whose own children changed. */
  const touched = new Set<Element>();
  const changedBodies = new Set<Element>();
  /** The bodies the row memory holds; a read of others starts over. */
  let readBodies: Element[] = [];

  const request = () => { cancel ??= schedule(flush); };
  const disconnect = () => { observers.forEach((o) => o.disconnect()); observers = []; thread = null; lists = []; listSet = new Set(); };
  const observe = (target: Node, init: MutationObserverInit, onChange: (records: MutationRecord[]) => boolean) => {
    const observer = new win.MutationObserver((records) => { if (onChange(records)) request(); });
    observer.observe(target, init);
    observers.push(observer);
  };
  const emit = <T>(kind: 'thread' | 'list', value: ReadResult<T> | null, send?: (v: ReadResult<T> | null) => void) => {
    const key = JSON.stringify(value);
    if (key === last[kind]) return;
    last[kind] = key;
    send?.(value);
  };

  /** Reads in a microtask (before the page paints), not in the next frame. */
  function flushSoon(): void {
    if (soon) return;
    soon = true;
    queueMicrotask(() => {
      soon = false;
      cancel?.();
      flush();
    });
  }

  /** The URL the route was read from. */
  let routeHref: string | null = null;
  const href = () => doc.location?.href ?? doc.URL;

  /** The URL changed (hashchange, popstate): a new view, unless it was already taken in. */
  function viewChanged(): void {
    if (href() !== routeHref) routeChanged();
  }

  function routeChanged(): void {
    disconnect();
    routeHref = href();
    route = parseGmailUrl(routeHref);
    callbacks.onRoute?.(route);
    framesLeft = maxFrames;
    flushSoon();
  }

  /**
   * The main region was replaced: Gmail shows another view, and often changes the URL in the same
   * task, so the hashchange event that follows would come only after the page has been rendered.
   * The view is taken in now; its hashchange then finds it done.
   */
  function mainSwapped(): void {
    if (href() !== routeHref) return routeChanged();
    framesLeft = maxFrames;
    flushSoon();
  }

  /** Notes which rows a batch of list mutations touched; false when none can change a read. */
  function noteList(records: readonly MutationRecord[]): boolean {
    let any = false;
    for (const record of records) {
      if (record.type === 'attributes') any = touch(record.target) || any;
      else if (listSet.has(record.target)) {
        if (!hasElement(record.addedNodes) && !hasElement(record.removedNodes)) continue;
        changedBodies.add(record.target as Element);
        any = true;
      } else {
        const row = rowOf(record.target);
        if (!row || !canChangeRow(record, row)) continue;
        touched.add(row);
        any = true;
      }
    }
    if (any) dirty.list = true;
    return any;
  }

  /** Marks the table row (a child of a list body) that holds `node`. */
  function touch(node: Node): boolean {
    const row = rowOf(node);
    if (row) touched.add(row);
    return row !== null;
  }

  /** The table row (a child of a list body) that holds `node`, if any. */
  function rowOf(node: Node): Element | null {
    for (let el: Node | null = node, parent = el.parentNode; el && parent; el = parent, parent = el.parentNode) {
      if (listSet.has(parent)) return el as Element;
    }
    return null;
  }

  function locate(): void {
    const before = [thread, ...lists];
    disconnect();
    thread = threadContainerOf(doc);
    lists = listBodiesOf(doc);
    listSet = new Set(lists);
    for (const el of [...(thread ? [thread] : []), ...lists]) {
      const isThread = el === thread;
      if (isThread) observe(el, THREAD_WATCH, () => (dirty.thread = true));
      else observe(el, LIST_WATCH, noteList);
      // Gmail replaces whole containers on refresh; a childList watch on the parent sees that.
      if (el.parentNode) observe(el.parentNode, { childList: true }, () => { if (!el.isConnected) framesLeft = maxFrames; return true; });
    }
    const main = mainOf(doc);
    if (main && main !== doc && (main as Node).parentNode) {
      observe((main as Node).parentNode as Node, { childList: true }, () => {
        if (!(main as Node).isConnected) mainSwapped();
        return false;
      });
    }
    // Only a container not read before needs a read now; the rest are read when they change.
    dirty.thread ||= thread !== null && !before.includes(thread);
    dirty.list ||= lists.some((el) => !before.includes(el));
    const wantThread = route?.kind === 'thread';
    const wantList = route?.kind === 'list';
    const done = (!wantThread || thread !== null) && (!wantList || lists.length > 0);
    framesLeft = done ? 0 : framesLeft - 1;
    if (lists.length === 0 && readBodies.length > 0) forgetList();
    if (framesLeft > 0) return request();
    // Gave up (or nothing expected): an expected container that never came is not-recognised.
    if (!thread) emit('thread', wantThread ? readThreadOf(doc, opts) : null, callbacks.onThread);
    if (lists.length === 0) emit('list', wantList ? readWholeList(doc, opts) : null, callbacks.onList);
  }

  function forgetList(): void {
    rows.reset([]);
    readBodies = [];
    touched.clear();
    changedBodies.clear();
    callbacks.onRows?.([], []);
  }

  function readList(): void {
    let read: RowRead[];
    let changed = true;
    try {
      if (!sameElements(lists, readBodies)) {
        readBodies = [...lists];
        read = rows.reset(lists);
      } else ({ read, changed } = rows.update(touched, changedBodies));
    } catch {
      readBodies = [];
      emit('list', notRecognised<ListRow[]>(['list']), callbacks.onList);
      return;
    } finally {
      touched.clear();
      changedBodies.clear();
    }
    if (read.length > 0) callbacks.onRows?.(read, rows.rows());
    if (!changed) return;
    // Rows replaced by copies read the same: compare what was read, not the answer built from it.
    const key = `rows:${rows.key(opts)}`;
    if (key === last.list) return;
    last.list = key;
    callbacks.onList?.(rows.result(opts));
  }

  function flush(): void {
    cancel = null;
    if (signal.aborted) return;
    if ((thread && !thread.isConnected) || lists.some((el) => !el.isConnected)) framesLeft = maxFrames;
    if (framesLeft > 0) locate();
    if (dirty.thread && thread) emit('thread', readThreadOf(thread, opts), callbacks.onThread);
    if (dirty.list && lists.length > 0) readList();
    dirty.thread = dirty.list = false;
  }

  win.addEventListener('hashchange', viewChanged, { signal });
  win.addEventListener('popstate', viewChanged, { signal });
  signal.addEventListener('abort', () => { cancel?.(); cancel = null; disconnect(); }, { once: true });
  routeChanged();
}

function hasElement(nodes: NodeList): boolean {
  for (const node of nodes) if (node.nodeType === 1) return true;
  return false;
}

/** Whether an element carries our overlay marker (a badge we put in a row). */
function isOurs(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute('data-crm-overlay');
}

/**
 * Whether a change inside a row can change what the row reads: something added or removed that
 * carries (or holds) an address or a thread id, or any change inside such an element (a sender's
 * name). Our own badges coming in are not; one of them removed is, so it is put back.
 */
function canChangeRow(record: MutationRecord, row: Element): boolean {
  let onlyOurs = true;
  for (const node of record.removedNodes) {
    if (isOurs(node) || holdsRowValue(node)) return true;
    onlyOurs = false;
  }
  for (const node of record.addedNodes) {
    if (isOurs(node)) continue;
    if (holdsRowValue(node)) return true;
    onlyOurs = false;
  }
  return !onlyOurs && insideRowValue(record.target, row);
}

function sameElements(a: readonly Element[], b: readonly Element[]): boolean {
  return a.length === b.length && a.every((el, i) => el === b[i]);
}
