import { Day, NewInteraction, type InteractionKind } from '../api';
import { t } from '../i18n';

export const NOTE_KINDS = ['note', 'call', 'meeting'] as const satisfies readonly InteractionKind[];
export type NoteKind = (typeof NOTE_KINDS)[number];

/** The quick-note form as typed. */
export interface NoteDraft {
  kind: NoteKind;
  text: string;
  /** "We promised…": becomes a commitment made with the note. */
  promise: string;
  /** `YYYY-MM-DD` or '' for none. */
  due: string;
}

export const EMPTY_NOTE: NoteDraft = { kind: 'note', text: '', promise: '', due: '' };

/** A kept value read back as a note draft, or null when it is not one (never guessed at). */
export function asNoteDraft(value: unknown): NoteDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, text, promise, due } = value as Record<string, unknown>;
  if (!NOTE_KINDS.includes(kind as NoteKind)) return null;
  if (typeof text !== 'string' || typeof promise !== 'string' || typeof due !== 'string') return null;
  if (kind === EMPTY_NOTE.kind && text === '' && promise === '' && due === '') return EMPTY_NOTE;
  return { kind: kind as NoteKind, text, promise, due };
}

export type NoteErrors = Partial<Record<'text' | 'promise' | 'due', string>>;

/**
 * The interaction to queue, with the promise as a commitment owned by the writer (the server's
 * default), or what the user must fix first. Nothing typed is dropped silently.
 */
export function noteFromDraft(
  draft: NoteDraft,
  to: { accountId: string; contactIds: readonly string[]; threadId: string | null },
): { ok: true; body: NewInteraction } | { ok: false; errors: NoteErrors } {
  const errors: NoteErrors = {};
  const text = draft.text.trim();
  const promise = draft.promise.trim();
  if (text === '') errors.text = t('sidebar_note_empty');
  if (draft.due !== '' && !Day.safeParse(draft.due).success) errors.due = t('sidebar_field_date');
  if (draft.due !== '' && promise === '') errors.promise = t('sidebar_note_due_without_promise');
  const body: NewInteraction = {
    accountId: to.accountId,
    kind: draft.kind,
    direction: draft.kind === 'note' ? 'internal' : 'outbound',
    summary: text,
    contactIds: [...to.contactIds],
    threadId: to.threadId,
    commitments: promise === '' ? [] : [{ text: promise, dueDate: draft.due === '' ? null : draft.due }],
  };
  const parsed = NewInteraction.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, , third] = issue.path;
      if (first === 'summary') errors.text ??= issue.message;
      else if (first === 'commitments' && third === 'dueDate') errors.due ??= issue.message;
      else if (first === 'commitments') errors.promise ??= issue.message;
      else errors.text ??= `${issue.path.join('.')}: ${issue.message}`;
    }
  }
  return Object.keys(errors).length === 0 ? { ok: true, body } : { ok: false, errors };
}
