import { InteractionPatch, type Interaction, type InteractionKind } from '../api';
import { t } from '../i18n';
import { formatAmount, parseAmount } from './amount';
import { AMOUNT_ERRORS, AMOUNT_KINDS } from './note-draft';

/** A history entry's edit form as typed. */
export interface EntryDraft {
  text: string;
  kind: InteractionKind;
  /** As typed, the user's way of writing numbers; '' for none. */
  amount: string;
}

export type EntryErrors = Partial<Record<'text' | 'amount', string>>;

/** The form filled from the entry as shown. */
export function draftOfEntry(item: Interaction, locale: string): EntryDraft {
  return { text: item.summary, kind: item.kind, amount: item.amount === null ? '' : formatAmount(item.amount, locale) };
}

/**
 * The patch for the CRM (only what changed, against the version shown), `null` when nothing
 * changed, or what the user must fix first. As with a new note, an amount is refused for a kind
 * that has none rather than dropped.
 */
export function patchFromEntryDraft(
  item: Interaction,
  draft: EntryDraft,
  locale: string,
): { ok: true; body: InteractionPatch | null } | { ok: false; errors: EntryErrors } {
  const errors: EntryErrors = {};
  const text = draft.text.trim();
  if (text === '') errors.text = t('sidebar_note_empty');
  const amount = parseAmount(draft.amount, locale);
  if (!amount.ok) errors.amount = t(AMOUNT_ERRORS[amount.reason], formatAmount(12500.5, locale));
  else if (amount.amount !== null && !AMOUNT_KINDS.includes(draft.kind)) errors.amount = t('sidebar_amount_not_for_kind');
  if (Object.keys(errors).length > 0 || !amount.ok) return { ok: false, errors };

  const body: InteractionPatch = { version: item.version };
  if (text !== item.summary) body.summary = text;
  if (draft.kind !== item.kind) body.kind = draft.kind;
  if (amount.amount !== item.amount) body.amount = amount.amount;
  if (Object.keys(body).length === 1) return { ok: true, body: null };
  const parsed = InteractionPatch.safeParse(body);
  if (parsed.success) return { ok: true, body };
  for (const issue of parsed.error.issues) {
    if (issue.path[0] === 'amount') errors.amount ??= issue.message;
    else errors.text ??= issue.message;
  }
  return { ok: false, errors };
}

/** The entry as it reads once the patch is applied, to show while the CRM has not confirmed it. */
export function applyPatch(item: Interaction, body: InteractionPatch): Interaction {
  return {
    ...item,
    summary: body.summary ?? item.summary,
    kind: body.kind ?? item.kind,
    amount: body.amount === undefined ? item.amount : body.amount,
  };
}
