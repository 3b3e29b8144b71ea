import type { ReaderOptions, ReadResult } from '../types';
import { findFirst } from './query';
import { readThread } from './read-thread';
import { openItemId, parseOutlookUrl, type OutlookRoute } from './routes';
import { conversationOf, readingPaneOf } from './scope';
import { OUTLOOK_SELECTORS as S } from './selectors';
import type { OutlookThreadContext } from './types';

export interface OutlookWatchCallbacks {
  /** The view changed (also called once at start). `null`: not an Outlook mail URL. */
  onRoute?(route: OutlookRoute | null): void;
  /** The open conversation was read, or `null` when none is shown. Called only when it changed. */
  onThread?(result: ReadResult<OutlookThreadContext> | null): void;
}

export interface OutlookWatchOptions extends ReaderOptions {
  /**
   * Subscribes to the content script's location-change event (WXT's `wxt:locationchange`, which
   * sees History API navigation); returns the unsubscribe.
   */
  subscribeLocation(listener: () => void): () => void;
  /** Frames to keep looking for the pane after the view changes (~10 s at 60 fps). */
  locateFrames?: number;
  /** Runs `fn` before the next paint; returns a cancel. Defaults to requestAnimationFrame. */
  schedule?: (fn: () => void) => () => void;
  /** The reader, replaceable so tests can count reads. */
  readers?: { thread: typeof readThread };
}

/** Inside the pane: messages added, removed, expanded or collapsed. */
const PANE = { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-expanded'] };
/** The selected row: only its selection flipping (another row chosen, keyboard included). */
const ROW = { attributes: true, attributeFilter: ['aria-selected'] };

/**
 * Keeps the open conversation read while Outlook changes the page. It observes only the reading
 * pane (plus its parent, without subtree, to notice the pane being replaced) and the selected
 * row; mutations only mark work, which runs at most once per animation frame. Location changes
 * re-find both. Everything stops when `signal` aborts. Animation frames pause in background
 * tabs, so a hidden tab reads nothing until it is shown again, which is what a badge needs.
 */
export function watchOutlook(doc: Document, signal: AbortSignal, callbacks: OutlookWatchCallbacks, opts: OutlookWatchOptions): void {
  const win = doc.defaultView;
  if (signal.aborted || !win) return;
  const schedule = opts.schedule ?? ((fn) => { const id = win.requestAnimationFrame(fn); return () => win.cancelAnimationFrame(id); });
  const read = opts.readers?.thread ?? readThread;
  const maxFrames = opts.locateFrames ?? 600;

  let route: OutlookRoute | null = null;
  let pane: Element | null = null;
  let row: Element | null = null;
  let observers: MutationObserver[] = [];
  let cancel: (() => void) | null = null;
  let framesLeft = 0;
  let dirty = false;
  let last = '';

  const request = () => { cancel ??= schedule(flush); };
  const disconnect = () => { observers.forEach((o) => o.disconnect()); observers = []; pane = row = null; };
  const observe = (target: Node, init: MutationObserverInit, onChange: () => void) => {
    const observer = new win.MutationObserver(() => { onChange(); request(); });
    observer.observe(target, init);
    observers.push(observer);
  };
  const emit = (value: ReadResult<OutlookThreadContext> | null) => {
    const key = JSON.stringify(value);
    if (key === last) return;
    last = key;
    callbacks.onThread?.(value);
  };

  function viewChanged(): void {
    route = parseOutlookUrl(doc.URL);
    callbacks.onRoute?.(route);
    framesLeft = maxFrames;
    dirty = true;
    request();
  }

  function locate(): void {
    const nextPane = readingPaneOf(doc);
    const nextRow = findFirst(doc, S.selectedRow);
    // Waiting for a conversation to be drawn re-runs this every frame; keep observers that still fit.
    if (nextPane !== pane || nextRow !== row) bind(nextPane, nextRow);
    dirty = true;
    // While an item is expected but its conversation is not drawn yet, keep looking each frame.
    const ready = nextPane !== null && conversationOf(nextPane) !== null;
    framesLeft = openItemId(route) === null || ready ? 0 : framesLeft - 1;
    if (framesLeft > 0) request();
  }

  function bind(nextPane: Element | null, nextRow: Element | null): void {
    disconnect();
    pane = nextPane;
    row = nextRow;
    if (nextPane) {
      observe(nextPane, PANE, () => { dirty = true; });
      // Outlook swaps the whole pane between layouts; a childList watch on the parent sees that.
      const parent = nextPane.parentNode;
      if (parent) observe(parent, { childList: true }, () => { if (!nextPane.isConnected) framesLeft = Math.max(framesLeft, 1); });
    }
    if (nextRow) observe(nextRow, ROW, () => { dirty = true; });
  }

  function flush(): void {
    cancel = null;
    if (signal.aborted) return;
    if ((pane && !pane.isConnected) || (row && !row.isConnected)) framesLeft = Math.max(framesLeft, 1);
    // A row that lost its selection: re-find which one has it now.
    if (row && row.getAttribute('aria-selected') !== 'true') framesLeft = Math.max(framesLeft, 1);
    if (framesLeft > 0) locate();
    if (!dirty) return;
    dirty = false;
    if (!route) return emit(null);
    if (pane && conversationOf(pane)) return emit(read(pane, { ...opts, url: doc.URL }));
    if (openItemId(route) === null) return emit(null);
    // An item is open but its pane never came: the layout is not the one we know.
    if (framesLeft === 0) emit(read(doc, { ...opts, url: doc.URL }));
  }

  const unsubscribe = opts.subscribeLocation(() => { if (!signal.aborted) viewChanged(); });
  signal.addEventListener('abort', () => { unsubscribe(); cancel?.(); cancel = null; disconnect(); }, { once: true });
  viewChanged();
}
