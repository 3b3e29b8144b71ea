import { GMAIL_HOSTS, urlOn } from '../sites';

/**
 * Gmail's views, told apart by the URL alone: `https://mail.google.com/mail/u/<account>/#<view>…`.
 * Whether the reading pane is on and whether conversation view is off are settings the URL does
 * not carry; `layout.ts` reads those from the page.
 */

/** Views that show a list and take no argument (`#inbox`, `#sent/p2`, `#inbox/<thread>`). */
const PLAIN_LISTS = new Set([
  'inbox', 'starred', 'snoozed', 'imp', 'sent', 'scheduled', 'drafts', 'all', 'spam', 'trash', 'chats',
]);
/** Views that take one argument before the page or thread (`#label/<name>`, `#search/<query>`). */
const ARGUMENT_LISTS = new Set(['label', 'category', 'search', 'advanced-search', 'section_query', 'circle']);

/** A thread token: the 16-hex legacy id or the longer ids Gmail puts in URLs now (`FMfcg…`). */
const THREAD_TOKEN = /^[A-Za-z0-9_-]{16,}$/;
const PAGE = /^p(\d{1,6})$/;

export type GmailRoute =
  | { kind: 'list'; account: number; view: string; argument?: string; page: number }
  | { kind: 'thread'; account: number; view: string; argument?: string; threadToken: string }
  /** Settings, contacts, chat, compose-only and anything not known: nothing to read. */
  | { kind: 'other'; account: number; view: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

/** The account index from `/mail/u/N/`; `/mail/` alone is the first account. */
export function accountIndex(url: string): number | null {
  const parsed = urlOn(url, GMAIL_HOSTS);
  if (!parsed) return null;
  const match = /^\/mail(?:\/u\/(\d{1,2}))?(?:\/|$)/.exec(parsed.pathname);
  if (!match) return null;
  return match[1] === undefined ? 0 : Number(match[1]);
}

/** The route a Gmail URL shows, or `null` for a URL that is not Gmail's mail app. */
export function parseGmailUrl(url: string): GmailRoute | null {
  const account = accountIndex(url);
  if (account === null) return null;
  const hashAt = url.indexOf('#');
  // The part after `?` in the hash is compose state (`#inbox?compose=new`), not the view.
  const hash = hashAt < 0 ? '' : (url.slice(hashAt + 1).split('?')[0] ?? '');
  const parts = hash.split('/').filter((p) => p !== '');
  const view = decode(parts[0] ?? 'inbox');
  const takesArgument = ARGUMENT_LISTS.has(view);
  if (!PLAIN_LISTS.has(view) && !takesArgument) return { kind: 'other', account, view };

  const argumentPart = takesArgument ? parts[1] : undefined;
  if (takesArgument && argumentPart === undefined) return { kind: 'other', account, view };
  const argument = argumentPart === undefined ? {} : { argument: decode(argumentPart) };
  const rest = parts.slice(takesArgument ? 2 : 1);
  const [next] = rest;
  if (next === undefined) return { kind: 'list', account, view, ...argument, page: 1 };
  const page = PAGE.exec(next);
  if (page && rest.length === 1) return { kind: 'list', account, view, ...argument, page: Number(page[1]) };
  if (THREAD_TOKEN.test(next) && rest.length === 1) return { kind: 'thread', account, view, ...argument, threadToken: next };
  return { kind: 'other', account, view };
}

export function isListView(url: string): boolean {
  return parseGmailUrl(url)?.kind === 'list';
}

export function isThreadView(url: string): boolean {
  return parseGmailUrl(url)?.kind === 'thread';
}

/** A category tab other than Primary (`#category/social`); Primary is plain `#inbox`. */
export function isCategoryTab(url: string): boolean {
  const route = parseGmailUrl(url);
  return route?.kind === 'list' && route.view === 'category';
}

export function isSearchView(url: string): boolean {
  const route = parseGmailUrl(url);
  return route !== null && route.kind !== 'other' && (route.view === 'search' || route.view === 'advanced-search');
}
