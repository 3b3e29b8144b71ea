import type { ListRow, MailSite, Participant, ReaderOptions, ReadResult, RowRead } from './types';

/** What a site's thread reader answers, as far as the content script needs it. */
export interface SiteThread {
  site: MailSite;
  threadId: string;
  subject: string;
  /** Outside people with addresses. */
  participants: Participant[];
  /** People the page shows by name only (Outlook). */
  nameOnly?: readonly { name: string }[];
}

/** What a site's watcher tells the content script; each fires only when its answer changed. */
export interface SiteWatchCallbacks<Route, Thread, Row> {
  /** The view changed (also called once at start). `null`: not a mail URL of the site. */
  onRoute?(route: Route | null): void;
  /** The open thread was read, or `null` when none is shown. Called only when it changed. */
  onThread?(result: ReadResult<Thread> | null): void;
  /** The list's rows were read, or `null` when no list is shown. Called only when they changed. */
  onList?(result: ReadResult<Row[]> | null): void;
  /**
   * The conversations read just now (rows that are new, that the site replaced or re-used for
   * another conversation, whose sender or id changed, or from which something of ours was
   * removed), and every conversation of the list. Called in the same frame as the read, before
   * `onList`, even when the list's answer did not change (new rows are new elements); `([], [])`
   * when the list went away.
   */
  onRows?(read: readonly RowRead[], all: readonly RowRead[]): void;
}

export interface SiteWatchOptions<Thread, ReadOpts> extends ReaderOptions {
  /** Subscribes to the content script's location changes (WXT's `wxt:locationchange`); returns the unsubscribe. */
  subscribeLocation(listener: () => void): () => void;
  /** The thread reader the watcher calls: the site's own, wrapped by the content script. */
  readers: { thread: (root: ParentNode, opts: ReadOpts) => ReadResult<Thread> };
}

/**
 * Everything the mail content script (lib/content/run-mail-content.ts) needs to know about one
 * site, and nothing it does with it: the watcher and thread reader, whose addresses are the
 * user's own, where the sidebar's room and the banner go, what the messages' text is, and which
 * element's background tells the page's theme. One per site, in `lib/mail/<site>/adapter.ts`.
 */
export interface MailSiteAdapter<Route, Thread extends SiteThread, Row extends ListRow, ReadOpts extends ReaderOptions> {
  site: MailSite;
  watch(doc: Document, signal: AbortSignal, callbacks: SiteWatchCallbacks<Route, Thread, Row>, opts: SiteWatchOptions<Thread, ReadOpts>): void;
  readThread(root: ParentNode, opts: ReadOpts): ReadResult<Thread>;
  /** The signed-in user's own addresses on this page and route; empty while the page shows none. */
  ownAddresses(doc: Document, route: Route | null): string[];
  /** The element that makes room for the sidebar (a right margin), and where the panel's top is. */
  roomArea(doc: Document): HTMLElement | null;
  roomTop(doc: Document): number;
  /** The element whose background shows the page's theme. */
  themeFrom(doc: Document): Element | null;
  /** Where the risk banner goes in the open thread (right before it); null when none is open. */
  bannerSpot(doc: Document): Element | null;
  /** The open thread's expanded messages' text, for the sidebar's "include text". */
  messagesText(doc: Document): string;
  /** Where the site runs its own search for `query` from the page at `current` (`mail-search.ts`), or null. */
  searchUrl(current: string, query: string): string | null;
}
