import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Account, UserRef } from '../../lib/api';
import { t } from '../../lib/i18n';
import { toProblem } from '../../lib/messaging/problem-error';
import { changeLabel } from '../../lib/sidebar/account-change-text';
import { factsChange, factsDraftOf, STAGES, type FactsDraft, type FactsErrors, type RhythmUnit } from '../../lib/sidebar/account-edit';
import type { AccountChange } from '../../lib/sidebar/account-overlay';
import { stageName } from '../../lib/sidebar/stages';
import { useEscapeClose } from '../../lib/sidebar/use-escape-close';
import { ProblemView } from '../common/problem-view';
import { AccountIdentityFields } from './account-identity-fields';
import './account-edit.css';

interface Props {
  /** The account as shown (this page's changes on their way included): the form starts from it. */
  account: Account;
  /** Who may own it or work with it: me, its owner and its team. */
  people: readonly UserRef[];
  me: UserRef | null;
  onSave: (edit: { change: AccountChange; owner?: UserRef | null; team?: UserRef[] }, label: string) => Promise<void>;
  onClose: () => void;
}

/**
 * The header's facts in one small form: the client's name and domains, the stage on the ladder,
 * the owner, who else works with the client, and the agreed rhythm (empty: none). Only what
 * changed is sent, through the outbox; Escape or Cancel closes it unsent.
 */
export function AccountFactsForm({ account, people, me, onSave, onClose }: Props) {
  const ids = { owner: useId(), rhythm: useId(), unit: useId(), hint: useId(), error: useId() };
  const [draft, setDraft] = useState<FactsDraft>(() => factsDraftOf(account));
  const [errors, setErrors] = useState<FactsErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const update = (next: Partial<FactsDraft>) => setDraft((d) => ({ ...d, ...next }));
  const byId = new Map(people.map((p) => [p.id, p]));
  // Opened from the header's button: the keyboard lands on the stage the client is at.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  const onKeyDown = useEscapeClose(onClose);

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = factsChange(account, draft);
    setErrors('errors' in result ? result.errors : {});
    setUnchanged('change' in result && result.change === null);
    if ('errors' in result || result.change === null) return;
    const { change } = result;
    setBusy(true);
    try {
      await onSave({
        change,
        ...(change.ownerId !== undefined ? { owner: change.ownerId === null ? null : (byId.get(change.ownerId) ?? null) } : {}),
        ...(change.teamMemberIds ? { team: change.teamMemberIds.flatMap((id) => byId.get(id) ?? []) } : {}),
      }, changeLabel(change));
      onClose();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) => update({ teamIds: on ? [...draft.teamIds, id] : draft.teamIds.filter((x) => x !== id) });
  const personName = (p: UserRef) => (p.id === me?.id ? t('sidebar_owner_me_named', p.name) : p.name);
  const rhythmWrong = errors.rhythm === true;

  return (
    <form
      class="form facts-form"
      onSubmit={submit}
      ref={form}
      onKeyDown={onKeyDown}
      aria-label={t('sidebar_edit_facts_label')}
      noValidate
      data-testid="facts-form"
    >
      <AccountIdentityFields name={draft.name} domains={draft.domains} errors={errors} onInput={update} />
      <fieldset class="stage-choices">
        <legend>{t('sidebar_field_stage')}</legend>
        {STAGES.map((stage) => (
          <label key={stage} class="stage-choice">
            <input type="radio" name="stage" value={stage} checked={draft.stage === stage} onChange={() => update({ stage })} />
            <span>{stageName(stage)}</span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={ids.owner}>{t('sidebar_field_owner')}</label>
        <select id={ids.owner} value={draft.ownerId} onChange={(e) => update({ ownerId: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">{t('sidebar_no_owner')}</option>
          {people.map((p) => <option key={p.id} value={p.id}>{personName(p)}</option>)}
        </select>
      </div>
      <fieldset class="team-choices">
        <legend>{t('sidebar_field_team')}</legend>
        {people.map((p) => (
          <label key={p.id} class="check">
            <input type="checkbox" checked={draft.teamIds.includes(p.id)} onChange={(e) => toggle(p.id, (e.currentTarget as HTMLInputElement).checked)} />
            <span>{personName(p)}</span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={ids.rhythm}>{t('sidebar_field_rhythm')}</label>
        <div class="rhythm-row">
          <input
            id={ids.rhythm}
            type="text"
            inputMode="numeric"
            size={5}
            value={draft.rhythm}
            onInput={(e) => update({ rhythm: (e.currentTarget as HTMLInputElement).value })}
            aria-invalid={rhythmWrong || undefined}
            aria-describedby={rhythmWrong ? `${ids.hint} ${ids.error}` : ids.hint}
          />
          <select id={ids.unit} aria-label={t('sidebar_rhythm_unit')} value={draft.unit} onChange={(e) => update({ unit: (e.currentTarget as HTMLSelectElement).value as RhythmUnit })}>
            <option value="days">{t('sidebar_rhythm_days')}</option>
            <option value="weeks">{t('sidebar_rhythm_weeks')}</option>
          </select>
        </div>
        <p id={ids.hint} class="muted small hint-line">{t('sidebar_rhythm_hint')}</p>
        {rhythmWrong && <p id={ids.error} class="field-error" role="alert">{t('sidebar_rhythm_invalid')}</p>}
      </div>
      {unchanged && <p class="muted" role="status">{t('sidebar_edit_unchanged')}</p>}
      {failure !== null && <ProblemView problem={toProblem(failure)} />}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>{t('sidebar_save')}</button>
        <button type="button" onClick={onClose}>{t('sidebar_cancel')}</button>
      </div>
    </form>
  );
}
