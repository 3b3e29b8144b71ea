import { z } from 'zod';

/**
 * What a content script tells the sidebar iframe about the open thread, as `crm:context`
 * messages through the channel it hands the frame on each load (see FrameMessage): a switch
 * neither reloads the frame nor adds a history entry. The first thread is also in the iframe
 * URL's hash (`sidebar.html#<encoded JSON>`), which the mail page can read and change: the
 * sidebar only looks that thread up and draws it unseen and inert meanwhile, and shows a thread
 * only once it comes through the channel (it then writes it into its own hash with `history.replaceState`). It holds
 * nothing the page does not already show, and the sidebar treats it as untrusted input.
 */
export const SidebarContext = z.object({
  site: z.enum(['gmail', 'outlook']),
  threadId: z.string().max(300),
  subject: z.string().max(1000).default(''),
  /**
   * When the open message was sent, when the host has already read it (for "Log this email").
   * The content script leaves it null and sends `sentText`, which the sidebar reads on demand.
   */
  sentAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /**
   * The page's own words for when the open message was sent (its date title, then its visible
   * text), read into a minute by the sidebar only when "Log this email" needs it
   * (lib/sidebar/sent-at.ts): the reader of dates in five languages stays out of the content script.
   */
  sentText: z.array(z.string().max(200)).max(4).optional(),
  /** External participants with addresses, in order of appearance; the first one is shown first. */
  participants: z.array(z.object({ name: z.string().max(200), email: z.string().max(320) })).max(50),
  /** People the page shows by display name only (Outlook); matched by name, as less certain. */
  nameOnly: z.array(z.object({ name: z.string().max(200) })).max(50).default([]),
  /**
   * The mail page's own theme, read by the content script: the frame's `prefers-color-scheme`
   * follows the browser, not the user's Gmail or Outlook theme.
   */
  theme: z.enum(['light', 'dark']).optional(),
});
export type SidebarContext = z.infer<typeof SidebarContext>;
export type SidebarContextInput = z.input<typeof SidebarContext>;

/** The context in a sidebar URL's hash, or null when absent or malformed (never throws). */
export function decodeSidebarContext(hash: string): SidebarContext | null {
  if (hash.length <= 1) return null;
  try {
    const parsed = SidebarContext.safeParse(JSON.parse(decodeURIComponent(hash.slice(1))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Messages between the content script and the sidebar frame. Only `crm:port` is a window message;
 * every other one goes through the MessagePort it carries, which the sidebar trusts only when the
 * `key` beside it is the session's secret (lib/sidebar/frame-link.ts). A mail page's own scripts can
 * post window messages to the frame and offer ports of their own, but know no key and can
 * neither see nor answer what goes through the channel. Each side parses the data with this schema.
 */
export const FrameMessage = z.discriminatedUnion('type', [
  /**
   * Content script → sidebar, by window message on each load of the frame: a MessagePort, and the
   * key that proves it is the content script's. Everything below comes through that port.
   */
  z.object({ type: z.literal('crm:port'), key: z.string().max(200) }),
  /** Content script → sidebar: another thread is open (or the same one with other people). */
  z.object({ type: z.literal('crm:context'), context: SidebarContext }),
  /** Content script → sidebar: the panel was put away (no thread is open); show nothing until the next thread. */
  z.object({ type: z.literal('crm:park') }),
  /** Content script → sidebar: the user pressed the "write a note" shortcut on the mail page. */
  z.object({ type: z.literal('crm:focus-note') }),
  /** Content script → sidebar: the risk banner was clicked; show the risk section. */
  z.object({ type: z.literal('crm:show-risk') }),
  /** Sidebar → content script: the user ticked "include text" when logging the email. */
  z.object({ type: z.literal('crm:request-body'), requestId: z.string().max(100) }),
  /** Content script → sidebar: the open messages' text, answering `crm:request-body`. */
  z.object({ type: z.literal('crm:body'), requestId: z.string().max(100), text: z.string().max(200_000) }),
]);
export type FrameMessage = z.infer<typeof FrameMessage>;
/** A frame message as a sender may write it (the context's defaults left out). */
export type FrameMessageInput = z.input<typeof FrameMessage>;
