import { useEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../../lib/api';
import { t, type MessageKey } from '../../lib/i18n';
import { toProblem } from '../../lib/messaging/problem-error';
import { changeLabel } from '../../lib/sidebar/account-change-text';
import { prefsChange, prefsDraftOf, type PrefsDraft, type PrefsField } from '../../lib/sidebar/account-edit';
import type { AccountChange } from '../../lib/sidebar/account-overlay';
import { useEscapeClose } from '../../lib/sidebar/use-escape-close';
import { ProblemView } from '../common/problem-view';
import { Field } from './field';
import './account-edit.css';

interface Props {
  /** The element id the card's fold heading controls: the form stands in for the card's body. */
  id: string;
  /** The account as shown (this page's changes on their way included): the form starts from it. */
  account: Account;
  onSave: (edit: { change: AccountChange }, label: string) => Promise<void>;
  onClose: () => void;
}

const FIELDS: [PrefsField, MessageKey, boolean][] = [
  ['channel', 'sidebar_pref_channel', false],
  ['language', 'sidebar_pref_language', false],
  ['paymentTerms', 'sidebar_pref_payment', true],
  ['workingStyle', 'sidebar_pref_style', true],
  ['specialTerms', 'sidebar_pref_terms', true],
];

/** How the client likes to work and the special terms, edited together; empty fields are cleared. */
export function PreferencesForm({ id, account, onSave, onClose }: Props) {
  const [draft, setDraft] = useState<PrefsDraft>(() => prefsDraftOf(account));
  const [errors, setErrors] = useState<Partial<Record<PrefsField, number>>>({});
  const [unchanged, setUnchanged] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input, textarea')?.focus(), []);
  const onKeyDown = useEscapeClose(onClose);

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = prefsChange(account, draft);
    if ('errors' in result) return setErrors(result.errors);
    setErrors({});
    setUnchanged(result.change === null);
    if (result.change === null) return;
    setBusy(true);
    try {
      await onSave({ change: result.change }, changeLabel(result.change));
      onClose();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      id={id}
      class="form prefs-form"
      ref={form}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={t('sidebar_edit_prefs_label')}
      noValidate
      data-testid="prefs-form"
    >
      {FIELDS.map(([field, label, multiline]) => (
        <Field
          key={field}
          label={t(label)}
          value={draft[field]}
          multiline={multiline}
          onInput={(value) => setDraft((d) => ({ ...d, [field]: value }))}
          error={errors[field] === undefined ? undefined : t('sidebar_field_too_long', errors[field] ?? 0)}
        />
      ))}
      {unchanged && <p class="muted" role="status">{t('sidebar_edit_unchanged')}</p>}
      {failure !== null && <ProblemView problem={toProblem(failure)} />}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>{t('sidebar_save')}</button>
        <button type="button" onClick={onClose}>{t('sidebar_cancel')}</button>
      </div>
    </form>
  );
}
