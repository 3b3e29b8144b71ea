import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { contactFromDraft, type ContactDraft, type ContactErrors } from '../../lib/sidebar/contact-draft';
import { createScopedStore } from '../../lib/sidebar/scoped-store';
import { toProblem } from '../../lib/messaging/problem-error';
import { useQueuedWrites } from '../../lib/sidebar/use-queued-writes';
import { useScoped } from '../../lib/sidebar/use-scoped';
import { ProblemView } from '../common/problem-view';
import { Field } from './field';
import { WriteStatusList } from './write-status';

interface Props {
  /** The thread and person the contact is added from. */
  scope: string;
  initial: ContactDraft;
  /** The existing account the contact joins, or null to create one named in the form. */
  accountName: string | null;
  onCancel: () => void;
}

/** What was typed into each scope's form; null: as prefilled. */
const typed = createScopedStore<ContactDraft | null>(null);

/**
 * Adds the person to the CRM, prefilled from the email; nothing happens until Save. What is typed
 * stays with its thread and person while the sidebar lives, Cancel included.
 */
export function AddContactForm({ scope, initial, accountName, onCancel }: Props) {
  const [kept, setDraft] = useScoped(scope, null, typed);
  const draft = kept ?? initial;
  const [errors, setErrors] = useState<ContactErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const { writes, queue, retry } = useQueuedWrites(scope);
  const set = (field: keyof ContactDraft) => (value: string) => setDraft({ ...draft, [field]: value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = contactFromDraft(draft);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      await queue({ type: 'contact', body: checked.body }, draft.name);
      setDraft(null);
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };

  if (writes.length > 0) return <WriteStatusList writes={writes} onRetry={retry} label={t('sidebar_contact_status')} />;
  return (
    <form class="form" onSubmit={submit} aria-label={t('sidebar_add_contact')} noValidate>
      <Field label={t('sidebar_contact_name')} value={draft.name} onInput={set('name')} error={errors.name} autoFocus />
      <Field label={t('sidebar_contact_email')} value={draft.email} onInput={set('email')} error={errors.email} type="email" />
      <Field label={t('sidebar_contact_role')} value={draft.role} onInput={set('role')} />
      {accountName !== null ? (
        <p class="muted small">{t('sidebar_contact_joins', accountName)}</p>
      ) : (
        <Field label={t('sidebar_contact_company')} value={draft.company} onInput={set('company')} error={errors.company} />
      )}
      {failure !== null && <ProblemView problem={toProblem(failure)} />}
      <div class="actions">
        <button type="submit" class="primary">{t('sidebar_contact_save')}</button>
        <button type="button" onClick={onCancel}>{t('sidebar_cancel')}</button>
      </div>
    </form>
  );
}
