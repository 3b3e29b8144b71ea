import { z } from 'zod';

/**
 * What a content script tells the sidebar iframe about the open thread. The first thread travels
 * in the iframe URL's hash (`sidebar.html#<encoded JSON>`); later threads come as `crm:context`
 * frame messages, so a switch neither reloads the frame nor adds a history entry (the sidebar
 * puts the context back into its own hash with `history.replaceState`, so a reload shows the same
 * thread). The mail page can read the iframe's `src` and post to it, so this holds nothing the
 * page does not already show. The sidebar treats it as untrusted input.
 */
export const SidebarContext = z.object({
  site: z.enum(['gmail', 'outlook']),
  threadId: z.string().max(300),
  subject: z.string().max(1000).default(''),
  /** When the newest message shown was sent, if the page says (for "Log this email"). */
  sentAt: z.iso.datetime({ offset: true }).nullable().default(null),
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

export { encodeSidebarContext } from './sidebar-link';

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
 * Messages between the content script and the sidebar frame (window.postMessage). Each side
 * checks the other's window (`event.source`) and origin, and parses the data with this schema.
 * A mail page's own scripts could post these too, so none of them may do more than move focus
 * or hand over text the user then chooses to save.
 */
export const FrameMessage = z.discriminatedUnion('type', [
  /**
   * Content script → sidebar, on each load of the frame: the message carries a MessagePort over
   * which `crm:context` messages come from then on.
   */
  z.object({ type: z.literal('crm:port') }),
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
