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
  }
}

/** The record the CRM holds now, from a 409's details, in the parts a person compares. */
export interface TheirVersion { version: number; text: string; status: string; dueDate: string | null }

export function theirVersion(details: unknown): TheirVersion | null {
  if (typeof details !== 'object' || details === null || !('commitment' in details)) return null;
  const c = (details as { commitment: unknown }).commitment;
  if (typeof c !== 'object' || c === null) return null;
  const { version, text, status, dueDate } = c as Record<string, unknown>;
  if (typeof version !== 'number' || typeof text !== 'string' || typeof status !== 'string') return null;
  return { version, text, status, dueDate: typeof dueDate === 'string' ? dueDate : null };
}

/** "Keep mine": the user's change made again on top of the version the CRM holds now. */
export function rebased(write: Write, theirs: TheirVersion): Write | null {
  if (write.type !== 'commitment-patch') return null;
  return { ...write, body: { ...write.body, version: theirs.version } };
}
