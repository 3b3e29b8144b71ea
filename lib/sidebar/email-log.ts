import { NewInteraction, type Direction, type Interaction } from '../api';

/** What "Log this email" knows about the open thread. */
export interface EmailToLog {
  accountId: string;
  threadId: string;
  subject: string;
  /** When the email was sent: the page's date, or what the user entered. Never the time of the click. */
  sentAt: string;
  direction: Extract<Direction, 'inbound' | 'outbound'>;
  contactIds: readonly string[];
  /** The messages' text, only when the user ticked "include text". */
  body: string | null;
}

const SUMMARY_MAX = 20_000;

/** The summary: the subject, then the text the user chose to include, cut to what the CRM keeps. */
export function emailSummary(subject: string, body: string | null, noSubject: string): string {
  const head = subject.trim() || noSubject;
  const text = body?.trim() ?? '';
  const full = text === '' ? head : `${head}\n\n${text}`;
  return full.length > SUMMARY_MAX ? `${full.slice(0, SUMMARY_MAX - 1)}…` : full;
}

/** The interaction for a logged email, checked against the contract. */
export function emailInteraction(email: EmailToLog, noSubject: string): { ok: true; body: NewInteraction } | { ok: false; message: string } {
  const body: NewInteraction = {
    accountId: email.accountId,
    kind: 'email',
    direction: email.direction,
    summary: emailSummary(email.subject, email.body, noSubject),
    contactIds: [...new Set(email.contactIds)],
    threadId: email.threadId,
    occurredAt: email.sentAt,
  };
  const parsed = NewInteraction.safeParse(body);
  if (parsed.success) return { ok: true, body };
  const issue = parsed.error.issues[0];
  return { ok: false, message: issue ? `${issue.path.join('.')}: ${issue.message}` : 'not valid' };
}

/** Why an entered sent time cannot be logged. */
export type SentAtProblem = 'empty' | 'invalid' | 'future';

/**
 * The time the user entered in a `datetime-local` field ("2025-11-04T15:12", the browser's zone)
 * as an instant, when it is a real past minute. The sidebar asks for it when the page shows no
 * date it can read, rather than logging the time of the click, which could hide a silence.
 */
export function enteredSentAt(value: string, now: Date): { ok: true; at: string } | { ok: false; problem: SentAtProblem } {
  if (value.trim() === '') return { ok: false, problem: 'empty' };
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/.exec(value.trim());
  if (!match) return { ok: false, problem: 'invalid' };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const at = new Date(year, month - 1, day, hour, minute);
  // new Date rolls 31 November over to 1 December: a day that does not exist is refused instead.
  if (year < 1970 || at.getMonth() !== month - 1 || at.getDate() !== day || hour > 23 || minute > 59) return { ok: false, problem: 'invalid' };
  if (at.getTime() > now.getTime()) return { ok: false, problem: 'future' };
  return { ok: true, at: at.toISOString() };
}

/** The timeline item that logged this thread, if any. */
export function loggedEntry<T extends Pick<Interaction, 'threadId' | 'kind'>>(items: readonly T[], threadId: string): T | null {
  if (threadId === '') return null;
  return items.find((i) => i.kind === 'email' && i.threadId === threadId) ?? null;
}

/** The contacts among the thread's participants, matched by address. */
export function contactIdsFor(people: readonly { email: string }[], contacts: readonly { id: string; emails: readonly string[] }[]): string[] {
  const wanted = new Set(people.map((p) => p.email.trim().toLowerCase()));
  return contacts.filter((c) => c.emails.some((e) => wanted.has(e.toLowerCase()))).map((c) => c.id);
}
