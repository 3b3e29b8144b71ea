/**
 * What a mail-site reader produces, whatever the site. Gmail's reader fills these now; an
 * Outlook reader will fill the same shapes, so the content script and the sidebar never branch
 * on the site.
 */

/** The mail sites a reader exists for. */
export type MailSite = 'gmail' | 'outlook';

/** A person as the mail page shows them: display name (may be `''`) and normalised address. */
export interface Participant {
  name: string;
  email: string;
}

/** One message of the open thread, as far as the page shows it. */
export interface ThreadMessage {
  /** The site's own id for the message, when the page carries one. */
  messageId?: string;
  from: Participant;
  /** Empty for a collapsed message: the page lists recipients only for expanded ones. */
  to: Participant[];
  cc: Participant[];
  /** Whether the message body and recipients are shown (as opposed to a one-line summary). */
  expanded: boolean;
  /**
   * When it was sent, as the page writes it in the user's UI language, most precise first (Gmail's
   * date title, then the visible text); empty when the page shows no date. lib/mail/sent-date.ts reads them.
   */
  sentText?: readonly string[];
}

/** The open thread: who is in it, and which messages are shown. */
export interface ThreadContext {
  site: MailSite;
  threadId: string;
  subject: string;
  messages: ThreadMessage[];
  /**
   * Everyone outside our company who appears in the thread (senders first seen first, then
   * recipients), unique by address, in order of appearance.
   */
  participants: Participant[];
}

/** One row of a message list, reduced to what a risk badge needs. */
export interface ListRow {
  threadId: string;
  /** Every outside address the row shows (a row can show several senders), in row order. */
  senders: Participant[];
}

/** A sender element of a list row and who it shows. */
export interface RowSender {
  el: Element;
  person: Participant;
}

/** What one conversation of a message list shows, as read from its rows (Gmail or Outlook). */
export interface RowRead {
  /** The element that stands for the conversation (Gmail: its first table row). */
  row: Element;
  /** The elements its badges live in: the row itself, or Gmail's two or three table rows. */
  group: readonly Element[];
  /** Its thread or conversation id, `null` while the page has not written one. */
  threadId: string | null;
  /** Every sender it shows with an address, ours included, in row order. */
  senders: readonly RowSender[];
  /** What was read, as text: two reads with the same key answer the same. */
  key: string;
}

/**
 * A reader's answer. It never throws and never guesses: when the page does not look like the
 * layout it knows, it says so and names what it could not find, so a broken layout is reported
 * rather than read wrongly.
 */
export type ReadResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not-recognised'; failed: string[] };

/** Whose addresses are "ours" and so never count as a client participant. */
export interface ReaderOptions {
  /** The signed-in user's own address(es), any case. */
  ownAddresses: readonly string[];
  /** The company's domains (`ourcompany.example`); subdomains count as the company too. */
  companyDomains: readonly string[];
}

export function recognised<T>(value: T): ReadResult<T> {
  return { ok: true, value };
}

export function notRecognised<T>(failed: string[]): ReadResult<T> {
  return { ok: false, reason: 'not-recognised', failed };
}

/**
 * A reader that never throws: whatever the page holds, an exception in `read` answers
 * not-recognised with `name`, so a layout we do not know pauses detection instead of breaking it.
 */
export function neverThrows<A extends unknown[], T>(name: string, read: (...args: A) => ReadResult<T>): (...args: A) => ReadResult<T> {
  return (...args) => {
    try {
      return read(...args);
    } catch {
      return notRecognised([name]);
    }
  };
}
