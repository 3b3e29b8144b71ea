import { OUTLOOK_HOSTS, urlOn } from '../sites';

/**
 * Outlook on the web's views, told apart by the URL alone. The new Outlook routes with the History
 * API: `/mail/` (the Inbox), `/mail/<folder>`, `/mail/<folder>/id/<item>`, `/mail/id/<item>`,
 * `/mail/0/…` on outlook.live.com (account index), `/mail/<shared@mailbox>/…`, and deep links
 * `/mail/deeplink/read/<item>`, `/mail/deeplink/compose`, `/mail/deeplink/search?query=…`.
 * Where the reading pane sits (right, bottom, hidden) is a setting the URL does not carry; the
 * predicates that depend on it take it as a parameter (`layout.ts` reads it from the page).
 */

export type PaneSetting = 'right' | 'bottom' | 'hidden';

export type OutlookRoute =
  /** A folder's message list (`folder: null` is the default, the Inbox). */
  | { kind: 'list'; mailbox: string; folder: string | null }
  /** An item opened from a folder, or from nowhere in particular (`/mail/id/…`). */
  | { kind: 'item'; mailbox: string; folder: string | null; itemId: string }
  /** Search results (`/mail/search`, or the search deep link with its query). */
  | { kind: 'search'; mailbox: string; query: string | null; itemId: string | null }
  /** The stand-alone read view Outlook's own links open: one message, no list, no conversation. */
  | { kind: 'deeplink-read'; mailbox: string; itemId: string }
  | { kind: 'compose'; mailbox: string }
  /** Settings and anything not known: nothing to read. */
  | { kind: 'other'; mailbox: string };

/** Path segments that are never a folder name. */
const NOT_FOLDERS = new Set(['options', 'compose', 'deeplink', 'search', 'id', 'none']);
const ACCOUNT_INDEX = /^\d{1,2}$/;

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The route an Outlook URL shows, or `null` for a URL that is not Outlook's mail app. */
export function parseOutlookUrl(url: string): OutlookRoute | null {
  const parsed = urlOn(url, OUTLOOK_HOSTS);
  if (!parsed) return null;
  const parts = parsed.pathname.split('/').filter((p) => p !== '');
  if (parts[0] !== 'mail') return null;
  let rest = parts.slice(1);
  // outlook.live.com numbers signed-in accounts (`/mail/0/`); a shared mailbox is named by address.
  let mailbox = '';
  const first = rest[0];
  if (first !== undefined && (ACCOUNT_INDEX.test(first) || decode(first).includes('@'))) {
    mailbox = decode(first).toLowerCase();
    rest = rest.slice(1);
  }
  return routeOf(rest, mailbox, parsed.searchParams);
}

function routeOf(rest: string[], mailbox: string, params: URLSearchParams): OutlookRoute {
  const [head, second, third] = rest;
  if (head === undefined) return { kind: 'list', mailbox, folder: null };
  if (head === 'deeplink') return deeplinkRoute(rest.slice(1), mailbox, params);
  if (head === 'compose') return { kind: 'compose', mailbox };
  if (head === 'search') {
    const itemId = second === 'id' && third ? decode(third) : null;
    return { kind: 'search', mailbox, query: params.get('query') ?? params.get('q'), itemId };
  }
  if (head === 'id') return third === undefined && second ? { kind: 'item', mailbox, folder: null, itemId: decode(second) } : { kind: 'other', mailbox };
  if (NOT_FOLDERS.has(head)) return { kind: 'other', mailbox };
  const folder = decode(head);
  // `/mail/inbox/id/` with the id not yet filled in is shown as the folder while Outlook routes.
  if (second === undefined || (second === 'id' && third === undefined)) return { kind: 'list', mailbox, folder };
  if (second === 'id' && third) {
    // `/mail/inbox/id/<item>/compose` etc.: a reply being written in the full page.
    return rest.length === 3 ? { kind: 'item', mailbox, folder, itemId: decode(third) } : { kind: 'compose', mailbox };
  }
  return { kind: 'other', mailbox };
}

function deeplinkRoute(rest: string[], mailbox: string, params: URLSearchParams): OutlookRoute {
  const [action, id] = rest;
  if (action === 'read') {
    // The path form is canonical; `ItemID` carries the same item in Exchange's own alphabet.
    const itemId = id ? decode(id) : params.get('ItemID');
    return itemId ? { kind: 'deeplink-read', mailbox, itemId } : { kind: 'other', mailbox };
  }
  if (action === 'compose') return { kind: 'compose', mailbox };
  if (action === 'search') return { kind: 'search', mailbox, query: params.get('query'), itemId: null };
  return { kind: 'other', mailbox };
}

/** The item the URL opens, if any. */
export function openItemId(route: OutlookRoute | null): string | null {
  if (!route) return null;
  if (route.kind === 'item' || route.kind === 'deeplink-read') return route.itemId;
  return route.kind === 'search' ? route.itemId : null;
}

/** Whether a message list is on screen: a list view, or an item beside a visible pane. */
export function showsList(route: OutlookRoute | null, pane: PaneSetting): boolean {
  if (!route) return false;
  if (route.kind === 'list') return true;
  if (route.kind === 'search') return route.itemId === null || pane !== 'hidden';
  return route.kind === 'item' && pane !== 'hidden';
}

/** Whether a message is being read (in the pane or in the full page). */
export function showsMessage(route: OutlookRoute | null): boolean {
  return openItemId(route) !== null;
}

/** Reading without the list: the pane is hidden, or Outlook's own read link was opened. */
export function isFullPageReading(route: OutlookRoute | null, pane: PaneSetting): boolean {
  if (!route) return false;
  if (route.kind === 'deeplink-read') return true;
  return showsMessage(route) && pane === 'hidden';
}

export function isSearch(route: OutlookRoute | null): boolean {
  return route?.kind === 'search';
}

/** The folder shown or read from; `null` for the default (Inbox) and for views without one. */
export function folderOf(route: OutlookRoute | null): string | null {
  return route && (route.kind === 'list' || route.kind === 'item') ? route.folder : null;
}
