import type { SiteThread } from '../mail/site-adapter';
import type { Participant, ThreadMessage } from '../mail/types';
import type { SidebarContextInput } from '../messaging/sidebar-context';

/** The sidebar context's limits (lib/messaging/sidebar-context.ts); past them the frame would refuse it. */
const MAX_PEOPLE = 50;
const MAX_NAME = 200;
const MAX_SUBJECT = 1000;
// The sent-date texts passed on; a longer text is no date lib/mail/sent-date.ts would read.
const MAX_SENT_TEXTS = 4;
const MAX_SENT_TEXT = 200;

/** What is read of a message here: Outlook may know its sender by name only (`email: null`). */
export type OpenMessage = Pick<ThreadMessage, 'expanded' | 'sentText'> & { from: { email: string | null } };

/** A site's thread, with its messages when the reader gives them. */
export type ThreadToShow = SiteThread & { messages?: readonly OpenMessage[] };

/**
 * What the sidebar frame is told about an open thread, on any site: its outside people with
 * addresses (the open message's sender first), the people shown by name only (for "probably
 * <name>"), the open message's own date texts (the sidebar reads them into a minute when the user
 * logs the email: the reader of five languages' date words is not needed on the mail page) and the
 * page's theme, kept within the context's limits so a huge thread is still shown.
 */
export function toSidebarContext(thread: ThreadToShow, theme: SidebarContextInput['theme'] | null): SidebarContextInput {
  const open = openMessage(thread.messages ?? []);
  const sentText = (open?.sentText ?? []).filter((text) => text.length <= MAX_SENT_TEXT).slice(0, MAX_SENT_TEXTS);
  return {
    site: thread.site,
    threadId: thread.threadId,
    subject: thread.subject.slice(0, MAX_SUBJECT),
    sentAt: null,
    ...(sentText.length > 0 ? { sentText } : {}),
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
