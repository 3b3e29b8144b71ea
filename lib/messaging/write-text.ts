import type { Write } from './write';

/**
 * The free text of a write, the part a person typed and may want to correct after the CRM
 * refused it: a note's summary, a commitment's text, a contact's name, a patch's new text.
 */
export function textOf(write: Write): string {
  switch (write.type) {
    case 'interaction':
      return write.body.summary;
    case 'commitment':
      return write.body.text;
    case 'contact':
      return write.body.name;
    case 'commitment-patch':
      return write.body.text ?? '';
    case 'interaction-patch':
      return write.body.summary ?? '';
    case 'contact-emails':
      return write.body.emails.join(', ');
    case 'account-patch':
    case 'interaction-delete':
    case 'interaction-restore':
      return '';
  }
}

/** Whether the write has free text of its own, which `withText` replaces (the popup offers Edit only then). */
export function hasOwnText(write: Write): boolean {
  switch (write.type) {
    case 'interaction':
    case 'commitment':
    case 'contact':
    case 'commitment-patch':
    case 'interaction-patch':
      return true;
    case 'account-patch':
    case 'interaction-delete':
    case 'interaction-restore':
    case 'contact-emails':
      return false;
  }
}

/** The same write with its free text replaced. A patch that changed no text gets one. */
export function withText(write: Write, text: string): Write {
  switch (write.type) {
    case 'interaction':
      return { ...write, body: { ...write.body, summary: text } };
    case 'commitment':
      return { ...write, body: { ...write.body, text } };
    case 'contact':
      return { ...write, body: { ...write.body, name: text } } as Write;
    case 'commitment-patch':
      return { ...write, body: { ...write.body, text } };
    case 'interaction-patch':
      return { ...write, body: { ...write.body, summary: text } };
    // No free text of their own: the change is a choice, made again rather than retyped.
    case 'account-patch':
    case 'interaction-delete':
    case 'interaction-restore':
    case 'contact-emails':
      return write;
  }
}

/** The record the CRM holds now, from a 409's details, in the parts a person compares. */
export interface TheirVersion { version: number; text: string; status: string; dueDate: string | null }

export function theirVersion(details: unknown): TheirVersion | null {
  if (typeof details !== 'object' || details === null) return null;
  // An interaction's words are its summary and its kind; an account's, its name and its stage.
  if ('interaction' in details) return theirVersion({ commitment: renamed((details as { interaction: unknown }).interaction, 'summary', 'kind') });
  if ('account' in details) return theirVersion({ commitment: renamed((details as { account: unknown }).account, 'name', 'stage') });
  if (!('commitment' in details)) return null;
  const c = (details as { commitment: unknown }).commitment;
  if (typeof c !== 'object' || c === null) return null;
  const { version, text, status, dueDate } = c as Record<string, unknown>;
  if (typeof version !== 'number' || typeof text !== 'string' || typeof status !== 'string') return null;
  return { version, text, status, dueDate: typeof dueDate === 'string' ? dueDate : null };
}

/** A record's text and status read from other fields, for `theirVersion`. */
function renamed(record: unknown, text: string, status: string): unknown {
  if (typeof record !== 'object' || record === null) return record;
  const r = record as Record<string, unknown>;
  return { version: r.version, text: r[text], status: r[status], dueDate: null };
}

/** "Keep mine": the user's change made again on top of the version the CRM holds now. */
export function rebased(write: Write, theirs: TheirVersion): Write | null {
  if (write.type === 'commitment-patch') return { ...write, body: { ...write.body, version: theirs.version } };
  if (write.type === 'interaction-patch') return { ...write, body: { ...write.body, version: theirs.version } };
  if (write.type === 'account-patch') return { ...write, body: { ...write.body, version: theirs.version } };
  return null;
}
