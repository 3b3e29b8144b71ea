import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { chosenAccount, contactWrite, type ChosenAccount } from '../../lib/sidebar/contact-attach';
import type { ContactDraft, ContactErrors } from '../../lib/sidebar/contact-draft';
import { createScopedStore } from '../../lib/sidebar/scoped-store';
import { toProblem } from '../../lib/messaging/problem-error';
import { useAccount } from '../../lib/sidebar/queries';
import { useQueuedWrites } from '../../lib/sidebar/use-queued-writes';
import { useScoped } from '../../lib/sidebar/use-scoped';
import { ProblemView } from '../common/problem-view';
import { AccountPicker } from './account-picker';
import { Field } from './field';
import { WriteStatusList } from './write-status';
import './add-contact.css';

interface Props {
  /** The thread and person the contact is added from. */
  scope: string;
  initial: ContactDraft;
  /** The existing account the contact joins (its id in `initial`), or null to pick one or create one named in the form. */
  accountName: string | null;
  onCancel: () => void;
}

/** What was typed into each scope's form; null: as prefilled. */
const typed = createScopedStore<ContactDraft | null>(null);
/** The account picked in each scope's form; null: a new one; undefined: as prefilled. */
const picks = createScopedStore<ChosenAccount | null | undefined>(undefined);
/** A contact of the picked account the sender is (their address is added to it); null: someone new. */
const persons = createScopedStore<string | null>(null);

/**
 * Adds the person to the CRM, prefilled from the email; nothing happens until Save. They join an
 * existing account (the one of their domain, or one found by typing its name) or a new one; at an
 * existing account they may be someone it has already, who gets this address. What is typed stays
 * with its thread and person while the sidebar lives, Cancel included.
 */
export function AddContactForm({ scope, initial, accountName, onCancel }: Props) {
  const [kept, setDraft] = useScoped(scope, null, typed);
  const draft = kept ?? initial;
  const [picked, setPicked] = useScoped(scope, undefined, picks);
  const [person, setPerson] = useScoped(scope, null, persons);
  const [errors, setErrors] = useState<ContactErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const { writes, queue, retry } = useQueuedWrites(scope);
  const set = (field: keyof ContactDraft) => (value: string) => setDraft({ ...draft, [field]: value });
  const account = chosenAccount(picked, initial.accountId && accountName !== null ? { id: initial.accountId, name: accountName } : null);
  const people = useAccount(account?.id ?? null).data?.value.contacts ?? [];
  const existing = person !== null && people.some((p) => p.id === person) ? person : null;
  // Picking an account (or leaving it) replaces the control that had the focus: the next one takes it.
  const change = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (account ? change.current : document.querySelector<HTMLInputElement>('.account-picker input'))?.focus();
  }, [account?.id]);
  const choose = (next: ChosenAccount | null) => {
    moved.current = true;
    setPicked(next);
    setPerson(null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = contactWrite(draft, { account, contactId: existing });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      await queue(checked.write, existing ? draft.email : draft.name);
      setDraft(null);
      setPicked(undefined);
      setPerson(null);
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };

  if (writes.length > 0) return <WriteStatusList writes={writes} onRetry={retry} label={t('sidebar_contact_status')} />;
  return (
    <form class="form" onSubmit={submit} aria-label={t('sidebar_add_contact')} noValidate>
      {existing === null && <Field label={t('sidebar_contact_name')} value={draft.name} onInput={set('name')} error={errors.name} autoFocus />}
      <Field label={t('sidebar_contact_email')} value={draft.email} onInput={set('email')} error={errors.email} type="email" />
      {existing === null && <Field label={t('sidebar_contact_role')} value={draft.role} onInput={set('role')} />}
      {account !== null ? (
        <>
          <p class="chosen-account">
            <span class="muted small" data-testid="chosen-account">{t('sidebar_contact_joins', account.name)}</span>
            <button type="button" class="small-button" ref={change} onClick={() => choose(null)}>{t('sidebar_contact_account_change')}</button>
          </p>
          {people.length > 0 && (
            <fieldset class="kinds">
              <legend class="small muted">{t('sidebar_contact_who')}</legend>
              <label class="kind-choice">
                <input type="radio" name={`${scope}-person`} checked={existing === null} onChange={() => setPerson(null)} />
                {t('sidebar_contact_someone_new')}
              </label>
              {people.map((p) => (
                <label key={p.id} class="kind-choice">
                  <input type="radio" name={`${scope}-person`} checked={existing === p.id} onChange={() => setPerson(p.id)} />
                  {t('sidebar_contact_known_person', p.name)}
                </label>
              ))}
            </fieldset>
          )}
        </>
      ) : (
        <>
          <AccountPicker onPick={(hit) => choose({ id: hit.id, name: hit.name })} />
          <Field label={t('sidebar_contact_company')} value={draft.company} onInput={set('company')} error={errors.company} />
        </>
      )}
      {failure !== null && <ProblemView problem={toProblem(failure)} />}
      <div class="actions">
        <button type="submit" class="primary">{t('sidebar_contact_save')}</button>
        <button type="button" onClick={onCancel}>{t('sidebar_cancel')}</button>
      </div>
    </form>
  );
}
