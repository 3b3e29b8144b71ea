import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { ask } from '../../lib/ui/ask';
import { errorText } from './row-actions';

interface Props {
  accountId: string;
  accountName: string;
  onDone: () => void;
  onCancel: () => void;
}

/** A call with the client, logged from the list: what was said, saved through the outbox like a note. */
export function LogCallForm({ accountId, accountName, onDone, onCancel }: Props) {
  const [summary, setSummary] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);
  const id = `call-${accountId}`;
  async function save(event: Event) {
    event.preventDefault();
    if (summary.trim() === '') {
      setProblem(t('today_summary_missing'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await ask('enqueueWrite', { write: { type: 'interaction', body: { accountId, kind: 'call', direction: 'outbound', summary: summary.trim() } } });
      onDone();
    } catch (error) {
      // What was typed stays in the box, to be sent again.
      setProblem(errorText(error));
      setBusy(false);
    }
  }
  return (
    <form class="today-form" onSubmit={(e) => void save(e)} aria-label={t('today_log_call_label', accountName)}>
      <label for={id}>{t('today_call_summary')}</label>
      <textarea id={id} ref={input} rows={2} maxLength={20_000} value={summary} aria-invalid={problem ? 'true' : undefined}
        onInput={(e) => setSummary(e.currentTarget.value)} />
      {problem && <p class="today-problem" role="alert">{problem}</p>}
      <div class="today-actions">
        <button type="submit" class="primary" disabled={busy}>{t('today_call_save')}</button>
        <button type="button" onClick={onCancel}>{t('today_cancel')}</button>
      </div>
    </form>
  );
}
