import type { ReaderOptions, ReadResult } from '../types';
import type { SiteWatchCallbacks } from '../site-adapter';
import { nextFrameOf, type Schedule } from '../next-frame';
import { notRecognised } from '../types';
import { createListRows, readListRow, type RowRead } from './list-rows';
import { findFirst } from '../query';
import { readListRows } from './read-list';
import { readThread } from './read-thread';
import { openItemId, parseOutlookUrl, type OutlookRoute } from './routes';
import { conversationOf, messageListOf, readingPaneOf } from './scope';
import { OUTLOOK_SELECTORS as S } from './selectors';
import type { OutlookListRow, OutlookThreadContext } from './types';
import { LIST, PANE, ROW, expectsList, reporter } from './watch-parts';

export type OutlookWatchCallbacks = SiteWatchCallbacks<OutlookRoute, OutlookThreadContext, OutlookListRow>;

export interface OutlookWatchOptions extends ReaderOptions {
  /**
   * Subscribes to the content script's location-change event (WXT's `wxt:locationchange`, which
   * sees History API navigation); returns the unsubscribe.
   */
  subscribeLocation(listener: () => void): () => void;
  /** Frames to keep looking for the pane or the list after the view changes (~10 s at 60 fps). */
  locateFrames?: number;
  /** Runs `fn` before the next paint; returns a cancel. Defaults to requestAnimationFrame. */
  schedule?: Schedule;
  /**
   * The readers, replaceable so tests can count reads: the thread, one row of the list, and the
   * whole list (only for a list expected but never found).
   */
  readers?: { thread?: typeof readThread; row?: typeof readListRow; list?: typeof readListRows };
}

/**
 * Keeps the open conversation and the list's rows read while Outlook changes the page. It
 * observes only the reading pane, the selected row, and the listbox's children (rows added or
 * removed as the list scrolls or re-renders), plus the pane's and the list's parents without
 * subtree, to notice either being replaced. Mutations only mark work, which runs at most once per
 * animation frame; in the list, only the rows added or re-used are read. Location changes
 * re-find everything, at once (in a microtask) when the new URL is already committed, else in the
 * next frame. Everything stops when `signal` aborts. Animation frames pause in background tabs,
 * so a hidden tab reads nothing from the page's own changes until it is shown.
 */
export function watchOutlook(doc: Document, signal: AbortSignal, callbacks: OutlookWatchCallbacks, opts: OutlookWatchOptions): void {
  const win = doc.defaultView;
  if (signal.aborted || !win) return;
  const schedule = opts.schedule ?? nextFrameOf(win);
  const readThreadOf = opts.readers?.thread ?? readThread;
  const readWholeList = opts.readers?.list ?? readListRows;
  const rows = createListRows(opts.readers?.row ?? readListRow);
  const maxFrames = opts.locateFrames ?? 600;
  const emitThread = reporter(callbacks.onThread);
  const emitList = reporter(callbacks.onList);

  let route: OutlookRoute | null = null;
  let pane: Element | null = null;
  let row: Element | null = null;
  let list: Element | null = null;
  let observers: MutationObserver[] = [];
  let cancel: (() => void) | null = null;
  let framesLeft = 0;
  let viewPending = false;
  /** The URL the route was last read from. */
  let routeUrl: string | null = null;
  const dirty = { thread: false, list: false };
  /** Since the last read of the list: elements whose row id changed, and whether rows came or went. */
  const touched = new Set<Element>();
  let childrenChanged = false;
  /** The listbox the row memory holds. */
  let readList: Element | null = null;

  const request = () => { cancel ??= schedule(flush); };
  const relocate = (frames: number) => { framesLeft = Math.max(framesLeft, frames); };
  const disconnect = () => { observers.forEach((o) => o.disconnect()); observers = []; pane = row = list = null; };
  const observe = (target: Node, init: MutationObserverInit, onChange: (records: MutationRecord[]) => void) => {
    const observer = new win.MutationObserver((records) => { onChange(records); request(); });
    observer.observe(target, init);
    observers.push(observer);
  };
  /** Outlook swaps whole containers; a childList watch on the parent, without subtree, sees that. */
  const observeParent = (el: Element, frames: number) => {
    if (el.parentNode) observe(el.parentNode, { childList: true }, () => { if (!el.isConnected) relocate(frames); });
  };

  // The Navigation API's `navigate` event, which WXT's location change rides on, fires before the
  // new URL is committed: the URL is read in a microtask when it has changed by then (a page's own
  // pushState, committed when its script returns), else in the frame.
  function viewChanged(): void {
    viewPending = true;
    framesLeft = maxFrames;
    dirty.thread = dirty.list = true;
    request();
    queueMicrotask(() => {
      if (signal.aborted || !viewPending || doc.URL === routeUrl) return;
      cancel?.();
      flush();
    });
  }

  function locate(): void {
    const nextPane = readingPaneOf(doc);
    const nextRow = findFirst(doc, S.selectedRow);
    const nextList = messageListOf(doc);
    // Waiting for a view to be drawn re-runs this every frame; keep observers that still fit.
    if (nextPane !== pane || nextRow !== row || nextList !== list) {
      dirty.list ||= nextList !== list;
      bind(nextPane, nextRow, nextList);
    }
    dirty.thread = true;
    // While an item or a list is expected but not drawn yet, keep looking each frame.
    const paneReady = openItemId(route) === null || (nextPane !== null && conversationOf(nextPane) !== null);
    const listReady = !expectsList(route) || nextList !== null;
    framesLeft = paneReady && listReady ? 0 : framesLeft - 1;
    if (framesLeft > 0) request();
  }

  function bind(nextPane: Element | null, nextRow: Element | null, nextList: Element | null): void {
    disconnect();
    pane = nextPane;
    row = nextRow;
    list = nextList;
    if (nextPane) {
      observe(nextPane, PANE, () => { dirty.thread = true; });
      observeParent(nextPane, 1);
    }
    if (nextRow) observe(nextRow, ROW, () => { dirty.thread = dirty.list = true; });
    if (nextList) {
      observe(nextList, LIST.children, () => { childrenChanged = dirty.list = true; });
      observe(nextList, LIST.rowIds, (records) => {
        for (const { target } of records) touched.add(target as Element);
        dirty.list = true;
      });
      // A list replaced on a folder switch may take a while to come back: look for it as long as at start.
      observeParent(nextList, maxFrames);
    }
  }

  function flush(): void {
    cancel = null;
    if (signal.aborted) return;
    if (viewPending) {
      viewPending = false;
      routeUrl = doc.URL;
      route = parseOutlookUrl(routeUrl);
      callbacks.onRoute?.(route);
    }
    if ((pane && !pane.isConnected) || (row && !row.isConnected)) relocate(1);
    if (list && !list.isConnected) relocate(maxFrames);
    // A row that lost its selection: re-find which one has it now.
    if (row && row.getAttribute('aria-selected') !== 'true') relocate(1);
    if (framesLeft > 0) locate();
    flushList();
    flushThread();
  }

  function flushList(): void {
    if (!dirty.list) return;
    if (list) readRows(list);
    else if (framesLeft > 0) return; // still looking: keep the work marked
    else {
      if (readList) forgetRows();
      // A list expected but never drawn is not the layout we know; otherwise there is none to show.
      emitList(route && expectsList(route) ? readWholeList(doc, opts) : null);
    }
    dirty.list = false;
  }

  function readRows(listbox: Element): void {
    let read: RowRead[];
    try {
      if (listbox !== readList) {
        readList = listbox;
        read = rows.reset(listbox);
      } else read = rows.update(touched, childrenChanged).read;
    } catch {
      readList = null;
      emitList(notRecognised(['list']));
      return;
    } finally {
      touched.clear();
      childrenChanged = false;
    }
    if (read.length > 0) callbacks.onRows?.(read, rows.rows());
    // Rows replaced by copies read the same: compare what was read, not the answer built from it.
    emitList(rows.result(opts), `rows:${rows.key(opts)}`);
  }

  function forgetRows(): void {
    readList = null;
    rows.reset(null);
    touched.clear();
    childrenChanged = false;
    callbacks.onRows?.([], []);
  }

  function flushThread(): void {
    if (!dirty.thread) return;
    dirty.thread = false;
    if (!route) return emitThread(null);
    if (pane && conversationOf(pane)) return emitThread(readThreadOf(pane, { ...opts, url: doc.URL }));
    if (openItemId(route) === null) return emitThread(null);
    // An item is open but its pane never came: the layout is not the one we know.
    if (framesLeft === 0) emitThread(readThreadOf(doc, { ...opts, url: doc.URL }));
  }

  const unsubscribe = opts.subscribeLocation(() => { if (!signal.aborted) viewChanged(); });
  signal.addEventListener('abort', () => { unsubscribe(); cancel?.(); cancel = null; disconnect(); }, { once: true });
  viewChanged();
}
