import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { INTERACTION_KINDS, type Interaction, type InteractionPatch } from '../../lib/api';
import { t, type MessageKey } from '../../lib/i18n';
import { draftOfEntry, patchFromEntryDraft, type EntryDraft, type EntryErrors } from '../../lib/sidebar/entry-edit';
import { AMOUNT_KINDS } from '../../lib/sidebar/note-draft';
import { Field } from './field';
import './entry-edit.css';

interface Props {
  item: Interaction;
  locale: string;
  /** Queues the change; false when it could not be queued (the form stays, with what was typed). */
  onSave: (item: Interaction, body: InteractionPatch) => Promise<boolean>;
  onClose: () => void;
}

/**
 * A history entry edited in place: its text, its kind and, for an order or a cancellation, its
 * amount. Escape or Cancel leaves it as it was; Save (or Ctrl/⌘+Enter) queues only what changed.
 */
export function EntryEditForm({ item, locale, onSave, onClose }: Props) {
  const kindId = useId();
  const [draft, setDraft] = useState<EntryDraft>(() => draftOfEntry(item, locale));
  const [errors, setErrors] = useState<EntryErrors>({});
  const textRef = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null);
  // Not `autofocus`: Chrome ignores it in a frame of another origin than the page's.
  useEffect(() => textRef.current?.focus(), []);
  const set = <K extends keyof EntryDraft>(field: K) => (value: EntryDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  const save = async () => {
    const checked = patchFromEntryDraft(item, draft, locale);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    if (checked.body === null || (await onSave(item, checked.body))) onClose();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };
  return (
    <form class="form entry-edit" aria-label={t('sidebar_entry_edit_form')} onSubmit={(e) => { e.preventDefault(); void save(); }} onKeyDown={onKeyDown} noValidate data-testid="entry-edit">
      <Field label={t('sidebar_note_text')} value={draft.text} onInput={set('text')} error={errors.text} multiline inputRef={textRef} />
      <div class="field">
        <label for={kindId}>{t('sidebar_note_kind')}</label>
        <select id={kindId} value={draft.kind} onChange={(e) => set('kind')((e.currentTarget as HTMLSelectElement).value as EntryDraft['kind'])}>
          {INTERACTION_KINDS.map((kind) => <option key={kind} value={kind}>{t(`kind_${kind}` as MessageKey)}</option>)}
        </select>
      </div>
      {(AMOUNT_KINDS.includes(draft.kind) || draft.amount !== '') && (
        <Field label={t('sidebar_note_amount')} value={draft.amount} onInput={set('amount')} error={errors.amount} />
      )}
      <div class="actions">
        <button type="submit" class="primary">{t('sidebar_save')}</button>
        <button type="button" onClick={onClose}>{t('sidebar_cancel')}</button>
      </div>
    </form>
  );
}
