import { firstSentDate } from '../mail/sent-date';
import type { SiteThread } from '../mail/site-adapter';
import type { Participant, ThreadMessage } from '../mail/types';
import type { SidebarContextInput } from '../messaging/sidebar-context';

/** The sidebar context's limits (lib/messaging/sidebar-context.ts); past them the frame would refuse it. */
const MAX_PEOPLE = 50;
const MAX_NAME = 200;
const MAX_SUBJECT = 1000;

/** What is read of a message here: Outlook may know its sender by name only (`email: null`). */
export type OpenMessage = Pick<ThreadMessage, 'expanded' | 'sentText'> & { from: { email: string | null } };

/** A site's thread, with its messages when the reader gives them. */
export type ThreadToShow = SiteThread & { messages?: readonly OpenMessage[] };

/**
 * What the sidebar frame is told about an open thread, on any site: its outside people with
 * addresses (the open message's sender first), the people shown by name only (for "probably
 * <name>"), when the open message was sent and the page's theme, kept within the context's
 * limits so a huge thread is still shown.
 */
export function toSidebarContext(thread: ThreadToShow, theme: SidebarContextInput['theme'] | null, now = new Date()): SidebarContextInput {
  const open = openMessage(thread.messages ?? []);
  const sent = open?.sentText ? firstSentDate(open.sentText, { now }) : null;
  return {
    site: thread.site,
    threadId: thread.threadId,
    subject: thread.subject.slice(0, MAX_SUBJECT),
    sentAt: sent ? localIso(sent) : null,
    participants: senderFirst(thread.participants, open?.from ?? null)
      .slice(0, MAX_PEOPLE).map((p) => ({ name: p.name.slice(0, MAX_NAME), email: p.email })),
    nameOnly: (thread.nameOnly ?? []).slice(0, MAX_PEOPLE).map((p) => ({ name: p.name.slice(0, MAX_NAME) })),
    ...(theme ? { theme } : {}),
  };
}

/** The message the user is reading: the last expanded one. */
function openMessage(messages: readonly OpenMessage[]): OpenMessage | undefined {
  return messages.findLast((m) => m.expanded);
}

/** The sender first when they are an outside participant (ours are not in the list); otherwise as it was. */
function senderFirst(people: readonly Participant[], from: OpenMessage['from'] | null): readonly Participant[] {
  const email = from?.email?.toLowerCase();
  const at = email === undefined ? -1 : people.findIndex((p) => p.email.toLowerCase() === email);
  if (at <= 0) return people;
  return [people[at]!, ...people.slice(0, at), ...people.slice(at + 1)];
}

/** "2025-11-04T15:12:00+07:00": the minute with the browser's offset, as the page showed it. */
function localIso(at: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:00`
    + `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
