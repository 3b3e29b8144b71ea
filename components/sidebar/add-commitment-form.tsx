import { useId } from 'preact/hooks';
import { NewCommitment, type Account, type Commitment, type User, type UserRef } from '../../lib/api';
import { t, uiLanguage } from '../../lib/i18n';
import { dateExample, parseLocalDate } from '../../lib/ui/local-date';
import { NO_COMMITMENT, tidyCommitmentDraft, type CommitmentDraft } from '../../lib/sidebar/commitment-draft';
import { commitmentDrafts } from '../../lib/sidebar/kept-drafts';
import { toProblem } from '../../lib/messaging/problem-error';
import { useShownAccount } from '../../lib/sidebar/account-shown';
import { useFocusReturn } from '../../lib/sidebar/use-focus-return';
import type { QueuedWrites } from '../../lib/sidebar/use-queued-writes';
import { useScoped } from '../../lib/sidebar/use-scoped';
import { ProblemView } from '../common/problem-view';
import { DateField } from './date-field';
import { Field } from './field';

interface Props {
  /** The thread and person shown: the form as left is kept for it. */
  scope: string;
  accountId: string;
  contactId: string | null;
  user: User | null;
  /** The account as read (null until it is in): its owner and team are offered as owners besides me. */
  account: Account | null;
  writes: QueuedWrites;
  onAdded: (commitment: Commitment) => void;
}

type Errors = { text?: string; due?: string };
const NO_ERRORS: Errors = {};

/**
 * Records a promise: what, by when, and who owns it (me unless another is chosen). What is typed
 * stays with its thread and person when another is shown, and when the sidebar is closed
 * (`COMMITMENT_DRAFTS`); Cancel closes the form and keeps the text for the next time it opens.
 */
export function AddCommitmentForm({ scope, accountId, contactId, user, account, writes, onAdded }: Props) {
  const ownerId = useId();
  const [draft, setDraft] = useScoped(scope, NO_COMMITMENT, commitmentDrafts);
  const { open, text, due, owner } = draft;
  const update = (change: Partial<CommitmentDraft>) => setDraft((d) => tidyCommitmentDraft({ ...d, ...change }));
  const opener = useFocusReturn(open, scope);
  const [errors, setErrors] = useScoped(scope, NO_ERRORS);
  const [failure, setFailure] = useScoped<unknown>(scope, null);
  const me: UserRef | null = user && { id: user.id, name: user.name, email: user.email };
  // The owner and team as the facts edited here leave them, before the CRM has the change.
  const shown = useShownAccount(accountId, account).account;
  const people = shown ? [...(shown.owner ? [shown.owner] : []), ...shown.team] : [];
  const choices = [...(me ? [me] : []), ...people.filter((p) => p.id !== me?.id)].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);

  if (!open) return <button type="button" ref={opener} onClick={() => update({ open: true })}>{t('sidebar_commitment_add')}</button>;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Errors = {};
    if (text.trim() === '') found.text = t('sidebar_field_required');
    const dueDate = due.trim() === '' ? null : parseLocalDate(due, uiLanguage());
    if (due.trim() !== '' && dueDate === null) found.due = t('sidebar_field_date', dateExample(uiLanguage()));
    const chosen = choices.find((p) => p.id === owner) ?? me;
    const body: NewCommitment = { accountId, contactId, text, dueDate, ...(chosen ? { ownerId: chosen.id } : {}) };
    const parsed = NewCommitment.safeParse(body);
    if (!parsed.success) found.text ??= parsed.error.issues[0]?.message ?? '';
    if (Object.keys(found).length > 0) return setErrors(found);
    setErrors(NO_ERRORS);
    try {
      const queued = await writes.queue({ type: 'commitment', body }, text.trim(), 'commitment');
      const now = new Date().toISOString();
      onAdded({
        id: queued.id ?? queued.key, accountId, contactId, owner: chosen ?? null, text: text.trim(), dueDate,
        status: 'open', createdAt: now, completedAt: null, sourceInteractionId: null, version: 1,
      });
      // What was sent goes; anything typed meanwhile stays (in the form, still open).
      setDraft((now) => (now === draft ? NO_COMMITMENT : now));
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <form class="form" onSubmit={submit} aria-label={t('sidebar_commitment_add')} noValidate>
      <Field label={t('sidebar_commitment_what')} value={text} onInput={(value) => update({ text: value })} error={errors.text} autoFocus />
      <DateField label={t('sidebar_commitment_due')} value={due} onInput={(value) => update({ due: value })} error={errors.due} />
      <div class="field">
        <label for={ownerId}>{t('sidebar_commitment_owner')}</label>
        <select id={ownerId} value={owner || me?.id || ''} onChange={(e) => update({ owner: (e.currentTarget as HTMLSelectElement).value })}>
          {choices.length === 0 && <option value="">{t('sidebar_owner_me')}</option>}
          {choices.map((p) => (
            <option key={p.id} value={p.id}>{p.id === me?.id ? t('sidebar_owner_me_named', p.name) : p.name}</option>
          ))}
        </select>
      </div>
      {failure !== null && <ProblemView problem={toProblem(failure)} />}
      <div class="actions">
        <button type="submit" class="primary">{t('sidebar_commitment_save')}</button>
        <button type="button" onClick={() => update({ open: false })}>{t('sidebar_cancel')}</button>
      </div>
    </form>
  );
}
