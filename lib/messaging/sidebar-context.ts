import { field, instant, list, oneOf, readWith, record, text, type Read } from './read-data';

// Read by hand (read-data.ts), not by zod: the sidebar needs these before its first paint, and
// zod loads only with the forms that use it. The limits are the contract; each reader below
// and test/unit/messaging/sidebar-context.test.ts hold them.

/**
 * What a content script tells the sidebar iframe about the open thread, as `crm:context`
 * messages through the channel it hands the frame on each load (see FrameMessage): a switch
 * neither reloads the frame nor adds a history entry. The first thread is also in the iframe
 * URL's hash (`sidebar.html#<encoded JSON>`), which the mail page can read and change: the
 * sidebar only looks that thread up and draws it unseen and inert meanwhile, and shows a thread
 * only once it comes through the channel (it then writes it into its own hash with `history.replaceState`). It holds
 * nothing the page does not already show, and the sidebar treats it as untrusted input.
 */
export interface SidebarContext {
  site: 'gmail' | 'outlook';
  /** At most 300 characters. */
  threadId: string;
  /** At most 1000 characters; '' when not sent. */
  subject: string;
  /**
   * When the open message was sent, when the host has already read it (for "Log this email"):
   * ISO 8601 with an offset. The content script leaves it null and sends `sentText`, which the
   * sidebar reads on demand.
   */
  sentAt: string | null;
  /**
   * The page's own words for when the open message was sent (its date title, then its visible
   * text; at most 4 of at most 200 characters), read into a minute by the sidebar only when "Log
   * this email" needs it (lib/sidebar/sent-at.ts): the reader of dates in five languages stays out
   * of the content script.
   */
  sentText?: string[];
  /** External participants with addresses (at most 50), in order of appearance; the first one is shown first. */
  participants: { name: string; email: string }[];
  /** People the page shows by display name only (Outlook; at most 50); matched by name, as less certain. */
  nameOnly: { name: string }[];
  /**
   * The mail page's own theme, read by the content script: the frame's `prefers-color-scheme`
   * follows the browser, not the user's Gmail or Outlook theme.
   */
  theme?: 'light' | 'dark';
}

/** A context as a sender may write it: the fields with defaults may be left out. */
export type SidebarContextInput = Omit<SidebarContext, 'subject' | 'sentAt' | 'nameOnly'>
  & Partial<Pick<SidebarContext, 'subject' | 'sentAt' | 'nameOnly'>>;

const name = (value: unknown, path: string) => ({ name: text(record(value, path).name, `${path}.name`, 200) });

/** Reads a SidebarContext; unknown fields are dropped, absent ones take their defaults. */
export function readSidebarContext(value: unknown, path = ''): SidebarContext {
  const o = record(value, path);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const sentText = field(o, 'sentText', path, undefined, (v, p) => list(v, p, 4, (s, q) => text(s, q, 200)));
  const theme = field(o, 'theme', path, undefined, (v, p) => oneOf(v, p, ['light', 'dark']));
  return {
    site: oneOf(o.site, at('site'), ['gmail', 'outlook']),
    threadId: text(o.threadId, at('threadId'), 300),
    subject: field(o, 'subject', path, '', (v, p) => text(v, p, 1000)),
    sentAt: field(o, 'sentAt', path, null, (v, p) => (v === null ? null : instant(v, p))),
    ...(sentText !== undefined && { sentText }),
    participants: list(o.participants, at('participants'), 50, (item, q) => ({ ...name(item, q), email: text(record(item, q).email, `${q}.email`, 320) })),
    nameOnly: field(o, 'nameOnly', path, [], (v, p) => list(v, p, 50, name)),
    ...(theme !== undefined && { theme }),
  };
}

/** The context in a sidebar URL's hash, or null when absent or malformed (never throws). */
export function decodeSidebarContext(hash: string): SidebarContext | null {
  if (hash.length <= 1) return null;
  try {
    const read = readWith(JSON.parse(decodeURIComponent(hash.slice(1))), readSidebarContext);
    return read.ok ? read.value : null;
  } catch {
    return null;
  }
}

/**
 * Messages between the content script and the sidebar frame. Only `crm:port` is a window message;
 * every other one goes through the MessagePort it carries, which the sidebar trusts only when the
 * `key` beside it is the session's secret (lib/sidebar/frame-link.ts). A mail page's own scripts can
 * post window messages to the frame and offer ports of their own, but know no key and can
 * neither see nor answer what goes through the channel. The sidebar reads each one with
 * `readFrameMessage`; the content script checks the one it answers with `bodyRequestId` (sidebar-link.ts).
 */
export type FrameMessage =
  /**
   * Content script → sidebar, by window message on each load of the frame: a MessagePort, and the
   * key (at most 200 characters) that proves it is the content script's. Everything below comes through that port.
   */
  | { type: 'crm:port'; key: string }
  /** Content script → sidebar: another thread is open (or the same one with other people). */
  | { type: 'crm:context'; context: SidebarContext }
  /** Content script → sidebar: the panel was put away (no thread is open); show nothing until the next thread. */
  | { type: 'crm:park' }
  /** Content script → sidebar: the user pressed the "write a note" shortcut on the mail page. */
  | { type: 'crm:focus-note' }
  /** Content script → sidebar: the risk banner was clicked; show the risk section. */
  | { type: 'crm:show-risk' }
  /** Sidebar → content script: the user ticked "include text" when logging the email (id at most 100 characters). */
  | { type: 'crm:request-body'; requestId: string }
  /** Content script → sidebar: the open messages' text (at most 200,000 characters), answering `crm:request-body`. */
  | { type: 'crm:body'; requestId: string; text: string };

/** A frame message as a sender may write it (the context's defaults left out). */
export type FrameMessageInput = Exclude<FrameMessage, { type: 'crm:context' }> | { type: 'crm:context'; context: SidebarContextInput };

const TYPES = ['crm:port', 'crm:context', 'crm:park', 'crm:focus-note', 'crm:show-risk', 'crm:request-body', 'crm:body'] as const;

function frameMessage(value: unknown): FrameMessage {
  const o = record(value, '');
  const type = oneOf(o.type, 'type', TYPES);
  switch (type) {
    case 'crm:port': return { type, key: text(o.key, 'key', 200) };
    case 'crm:context': return { type, context: readSidebarContext(o.context, 'context') };
    case 'crm:request-body': return { type, requestId: text(o.requestId, 'requestId', 100) };
    case 'crm:body': return { type, requestId: text(o.requestId, 'requestId', 100), text: text(o.text, 'text', 200_000) };
    default: return { type };
  }
}

/** A frame message as read (unknown fields dropped), or the first field at fault. */
export function readFrameMessage(value: unknown): Read<FrameMessage> {
  return readWith(value, frameMessage);
}
