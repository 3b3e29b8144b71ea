import type { Direction, InteractionKind, NewInteraction } from '../api';
import { DIRECTIONS, INTERACTION_KINDS } from '../api/kinds';
import { t, type MessageKey } from '../i18n';
import { formatAmount, parseAmount } from './amount';
import { dateExample, parseLocalDate } from '../ui/local-date';

/** Every kind of interaction can be written down from the sidebar. */
export const NOTE_KINDS = INTERACTION_KINDS;
export type NoteKind = InteractionKind;

/** Kinds that carry an amount (what was ordered, what was cancelled). */
export const AMOUNT_KINDS: readonly InteractionKind[] = ['order', 'cancellation'];

/** Who the interaction came from, when the user has not said: what each kind usually is. */
export const USUAL_DIRECTION: Record<InteractionKind, Direction> = {
  note: 'internal', call: 'outbound', meeting: 'outbound', email: 'outbound', other: 'internal',
  order: 'inbound', cancellation: 'inbound', complaint: 'inbound', billing: 'inbound', outage: 'inbound',
};

/** The quick-note form as typed. */
export interface NoteDraft {
  kind: NoteKind;
  /** The direction picked, or null for the kind's usual one. */
  direction: Direction | null;
  text: string;
  /** As typed, in the user's way of writing numbers; only for `AMOUNT_KINDS`. */
  amount: string;
  /** "We promised…": becomes a commitment made with the note. */
  promise: string;
  /** As typed, in the user's way of writing dates (or `YYYY-MM-DD`); '' for none. */
  due: string;
}

export const EMPTY_NOTE: NoteDraft = { kind: 'note', direction: null, text: '', amount: '', promise: '', due: '' };

/** The direction the note will be saved with. */
export const directionOf = (draft: NoteDraft): Direction => draft.direction ?? USUAL_DIRECTION[draft.kind];

/** A kept value read back as a note draft, or null when it is not one (never guessed at). */
export function asNoteDraft(value: unknown): NoteDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, direction = null, text, amount = '', promise, due } = value as Record<string, unknown>;
  if (!NOTE_KINDS.includes(kind as NoteKind)) return null;
  if (direction !== null && !DIRECTIONS.includes(direction as Direction)) return null;
  if (typeof text !== 'string' || typeof amount !== 'string' || typeof promise !== 'string' || typeof due !== 'string') return null;
  if (kind === EMPTY_NOTE.kind && direction === null && text === '' && amount === '' && promise === '' && due === '') return EMPTY_NOTE;
  return { kind: kind as NoteKind, direction: direction as Direction | null, text, amount, promise, due };
}

export type NoteErrors = Partial<Record<'text' | 'amount' | 'promise' | 'due', string>>;

/** What to say when an amount does not read as one, by reason (the message takes an example amount). */
export const AMOUNT_ERRORS: Record<'not-a-number' | 'negative' | 'too-large' | 'too-precise', MessageKey> = {
  'not-a-number': 'sidebar_amount_not_number',
  negative: 'sidebar_amount_negative',
  'too-large': 'sidebar_amount_too_large',
  'too-precise': 'sidebar_amount_too_precise',
};

/**
 * The interaction to queue, with the promise as a commitment owned by the writer (the server's
 * default), or what the user must fix first. Nothing typed is dropped silently: an amount typed
 * for a kind that has none is refused rather than left out. The write's schema (and zod with
 * it) is loaded on the first check, not with the sidebar's first screen.
 */
export async function noteFromDraft(
  draft: NoteDraft,
  to: { accountId: string; contactIds: readonly string[]; threadId: string | null },
  locale = 'en',
): Promise<{ ok: true; body: NewInteraction } | { ok: false; errors: NoteErrors }> {
  const errors: NoteErrors = {};
  const text = draft.text.trim();
  const promise = draft.promise.trim();
  if (text === '') errors.text = t('sidebar_note_empty');
  const due = draft.due.trim() === '' ? '' : parseLocalDate(draft.due, locale);
  if (due === null) errors.due = t('sidebar_field_date', dateExample(locale));
  if (due !== '' && promise === '') errors.promise = t('sidebar_note_due_without_promise');
  const amount = parseAmount(draft.amount, locale);
  if (!amount.ok) errors.amount = t(AMOUNT_ERRORS[amount.reason], formatAmount(12500.5, locale));
  else if (amount.amount !== null && !AMOUNT_KINDS.includes(draft.kind)) errors.amount = t('sidebar_amount_not_for_kind');
  const body: NewInteraction = {
    accountId: to.accountId,
    kind: draft.kind,
    direction: directionOf(draft),
    summary: text,
    contactIds: [...to.contactIds],
    amount: amount.ok ? amount.amount : null,
    threadId: to.threadId,
    commitments: promise === '' ? [] : [{ text: promise, dueDate: due || null }],
  };
  const { NewInteraction } = await import('../api/writes');
  const parsed = NewInteraction.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, , third] = issue.path;
      if (first === 'summary') errors.text ??= issue.message;
      else if (first === 'amount') errors.amount ??= issue.message;
      else if (first === 'commitments' && third === 'dueDate') errors.due ??= issue.message;
      else if (first === 'commitments') errors.promise ??= issue.message;
      else errors.text ??= `${issue.path.join('.')}: ${issue.message}`;
    }
  }
  return Object.keys(errors).length === 0 ? { ok: true, body } : { ok: false, errors };
}
