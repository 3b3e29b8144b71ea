import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { nextDay, snoozeDateOk } from '../../lib/ui/attention-lines';

interface Props {
  id: string;
  text: string;
  today: string;
  onSnooze: (date: string) => Promise<void>;
  onCancel: () => void;
}

/** A later due date for a promise, refused in words when it is not a day from today on. */
export function SnoozeForm({ id, text, today, onSnooze, onCancel }: Props) {
  const [date, setDate] = useState(nextDay(today));
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  async function save(event: Event) {
    event.preventDefault();
    if (!snoozeDateOk(date, today)) {
      setProblem(t('today_date_invalid'));
      input.current?.focus();
      return;
    }
    await onSnooze(date).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }
  return (
    <form class="today-form" onSubmit={(e) => void save(e)} aria-label={t('today_snooze_label', text)}>
      <label for={`snooze-${id}`}>{t('today_snooze_date')}</label>
      <input id={`snooze-${id}`} ref={input} type="date" min={today} value={date} required aria-invalid={problem ? 'true' : undefined}
        onInput={(e) => setDate(e.currentTarget.value)} />
      {problem && <p class="today-problem" role="alert">{problem}</p>}
      <div class="today-actions">
        <button type="submit" class="primary">{t('today_snooze_save')}</button>
        <button type="button" onClick={onCancel}>{t('today_cancel')}</button>
      </div>
    </form>
  );
}
