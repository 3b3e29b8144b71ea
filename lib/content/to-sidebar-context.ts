import type { SiteThread } from '../mail/site-adapter';
import type { SidebarContextInput } from '../messaging/sidebar-context';

/** The sidebar context's limits (lib/messaging/sidebar-context.ts); past them the frame would refuse it. */
const MAX_PEOPLE = 50;
const MAX_NAME = 200;
const MAX_SUBJECT = 1000;

/**
 * What the sidebar frame is told about an open thread, on any site: its outside people with
 * addresses, and the people shown by name only (for "probably <name>"), with the page's theme,
 * kept within the context's limits so a huge thread is still shown. Neither site's date is read
 * (Outlook writes it only in the UI's language and format), so `sentAt` stays unknown.
 */
export function toSidebarContext(thread: SiteThread, theme: SidebarContextInput['theme'] | null): SidebarContextInput {
  return {
    site: thread.site,
    threadId: thread.threadId,
    subject: thread.subject.slice(0, MAX_SUBJECT),
    sentAt: null,
    participants: thread.participants.slice(0, MAX_PEOPLE).map((p) => ({ name: p.name.slice(0, MAX_NAME), email: p.email })),
    nameOnly: (thread.nameOnly ?? []).slice(0, MAX_PEOPLE).map((p) => ({ name: p.name.slice(0, MAX_NAME) })),
    ...(theme ? { theme } : {}),
  };
}
