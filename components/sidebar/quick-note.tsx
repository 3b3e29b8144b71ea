import { useRef } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import { DIRECTIONS } from '../../lib/api/kinds';
import { parseAmount, formatAmount } from '../../lib/sidebar/amount';
import { AMOUNT_KINDS, directionOf, EMPTY_NOTE, NOTE_KINDS, noteFromDraft, type NoteDraft, type NoteErrors } from '../../lib/sidebar/note-draft';
import { toProblem } from '../../lib/messaging/problem-error';
import { noteDrafts } from '../../lib/sidebar/kept-drafts';
import type { QueuedWrites } from '../../lib/sidebar/use-queued-writes';
import { useScoped } from '../../lib/sidebar/use-scoped';
import { ProblemView } from '../common/problem-view';
import { DateField } from './date-field';
import { Field } from './field';
import { WriteStatusList } from './write-status';

interface Props {
  /** The thread and person the note is for. */
  scope: string;
  accountId: string;
  contactIds: readonly string[];
  threadId: string | null;
  writes: QueuedWrites;
  inputRef: { current: HTMLTextAreaElement | HTMLInputElement | null };
}

const locale = () => document.documentElement.lang || 'en';
const SHORTCUT = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘+Enter' : 'Ctrl+Enter';
const NO_ERRORS: NoteErrors = {};

/**
 * Any interaction written down while it is fresh (a note, call, complaint, order…), who it came
 * from, the amount of an order or a cancellation, and an optional promise with its date.
 */
export function QuickNote({ scope, accountId, contactIds, threadId, writes, inputRef }: Props) {
  const [draft, setDraft] = useScoped(scope, EMPTY_NOTE, noteDrafts);
  const [errors, setErrors] = useScoped(scope, NO_ERRORS);
  const [failure, setFailure] = useScoped<unknown>(scope, null);
  const set = <K extends keyof NoteDraft>(field: K) => (value: NoteDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  // A second Ctrl+Enter or click while the first is still being checked and queued (the first
  // note also loads its check) would queue the same note again under a new key.
  const sending = useRef(new Set<string>());
  const submit = async () => {
    if (sending.current.has(scope)) return;
    sending.current.add(scope);
    try {
      const checked = await noteFromDraft(draft, { accountId, contactIds, threadId }, locale());
      if (!checked.ok) return setErrors(checked.errors);
      setErrors(NO_ERRORS);
      await writes.queue({ type: 'interaction', body: checked.body }, draft.text.trim(), 'note');
      // What was sent goes; anything typed meanwhile stays. A kind of its own is kept for the next note.
      setDraft((now) => (now === draft ? (draft.kind === EMPTY_NOTE.kind ? EMPTY_NOTE : { ...EMPTY_NOTE, kind: draft.kind, direction: draft.direction }) : now));
      setFailure(null);
    } catch (error) {
      // Kept in the form: nothing typed is lost when it could not be checked (the check's code
      // failed to load) or queued.
      setFailure(error);
    } finally {
      sending.current.delete(scope);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };
  const notes = writes.writes.filter((w) => w.group === 'note');

  return (
    <section class="panel" aria-labelledby="note-heading">
      <h2 id="note-heading">{t('sidebar_note_heading')}</h2>
      <form class="form note-form" onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <fieldset class="kinds">
          <legend class="visually-hidden">{t('sidebar_note_kind')}</legend>
          {NOTE_KINDS.map((kind) => (
            <label key={kind} class="kind-choice">
              <input type="radio" name="note-kind" value={kind} checked={draft.kind === kind} onChange={() => set('kind')(kind)} />
              {t(`kind_${kind}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <fieldset class="kinds">
          {/* Said by the choices themselves (from the client, from us, internal); heard with them. */}
          <legend class="visually-hidden">{t('sidebar_note_direction')}</legend>
          {DIRECTIONS.map((direction) => (
            <label key={direction} class="kind-choice">
              <input type="radio" name="note-direction" value={direction} checked={directionOf(draft) === direction} onChange={() => set('direction')(direction)} />
              {t(`sidebar_direction_${direction}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <Field label={t('sidebar_note_text')} value={draft.text} onInput={set('text')} error={errors.text} multiline onKeyDown={onKeyDown} inputRef={inputRef} />
        {(AMOUNT_KINDS.includes(draft.kind) || draft.amount !== '') && <AmountField draft={draft} error={errors.amount} onInput={set('amount')} onKeyDown={onKeyDown} />}
        <div class="field-pair">
          <Field label={t('sidebar_note_promise')} value={draft.promise} onInput={set('promise')} error={errors.promise} onKeyDown={onKeyDown} placeholder={t('sidebar_note_promise_hint')} />
          <DateField label={t('sidebar_note_due')} value={draft.due} onInput={set('due')} error={errors.due} onKeyDown={onKeyDown} />
        </div>
        {failure !== null && <ProblemView problem={toProblem(failure)} />}
        <div class="actions">
          <button type="submit" class="primary">{t('sidebar_note_save')}</button>
          <span class="muted small">{t('sidebar_note_shortcut', SHORTCUT)}</span>
        </div>
      </form>
      {notes.length > 0 && <WriteStatusList writes={notes} onRetry={(key) => void writes.retry(key)} label={t('sidebar_note_status')} />}
    </section>
  );
}

/** The amount of an order or cancellation, with how it will be saved once it reads as a number. */
function AmountField({ draft, error, onInput, onKeyDown }: { draft: NoteDraft; error: string | undefined; onInput: (v: string) => void; onKeyDown: (e: KeyboardEvent) => void }) {
  const reading = parseAmount(draft.amount, locale());
  return (
    <>
      <Field label={t('sidebar_note_amount')} value={draft.amount} onInput={onInput} error={error} onKeyDown={onKeyDown} />
      {!error && reading.ok && reading.amount !== null && (
        <p class="small muted" data-testid="amount-reads">{t('sidebar_note_amount_reads', formatAmount(reading.amount, locale()))}</p>
      )}
    </>
  );
}
