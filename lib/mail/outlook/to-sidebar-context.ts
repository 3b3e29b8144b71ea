import type { SidebarContextInput } from '../sidebar-context';
import type { OutlookThreadContext } from './types';

/** The sidebar context's limits (lib/mail/sidebar-context.ts); past them the frame would refuse it. */
const MAX_PEOPLE = 50;
const MAX_NAME = 200;
const MAX_SUBJECT = 1000;

/**
 * What the sidebar frame is told about an open Outlook conversation: its outside people with
 * addresses, and the people shown by name only (for "probably <name>"), with the page's theme.
 * Outlook writes the date in the UI's language and format only, so `sentAt` stays unknown.
 */
export function toSidebarContext(thread: OutlookThreadContext, theme: SidebarContextInput['theme'] | null): SidebarContextInput {
  return {
    site: 'outlook',
    threadId: thread.threadId,
    subject: thread.subject.slice(0, MAX_SUBJECT),
    sentAt: null,
    participants: thread.participants.slice(0, MAX_PEOPLE).map((p) => ({ name: p.name.slice(0, MAX_NAME), email: p.email })),
    nameOnly: thread.nameOnly.slice(0, MAX_PEOPLE).map((p) => ({ name: p.name.slice(0, MAX_NAME) })),
    ...(theme ? { theme } : {}),
  };
}
