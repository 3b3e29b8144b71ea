import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../lib/i18n';
import { nextDay, snoozeDateOk } from '../../lib/ui/attention-lines';
import { dateExample, formatLocalDate, parseLocalDate } from '../../lib/ui/local-date';
import { DateField } from '../sidebar/date-field';

interface Props {
  id: string;
  text: string;
  today: string;
  onSnooze: (date: string) => Promise<void>;
  onCancel: () => void;
}

/** A later due date for a promise, typed as the UI language writes dates, refused in words when it is not a day from today on. */
export function SnoozeForm({ text, today, onSnooze, onCancel }: Props) {
  const [date, setDate] = useState(() => formatLocalDate(nextDay(today), uiLanguage()));
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  async function save(event: Event) {
    event.preventDefault();
    const day = parseLocalDate(date, uiLanguage());
    if (day === null || !snoozeDateOk(day, today)) {
      setProblem(day === null ? t('sidebar_field_date', dateExample(uiLanguage())) : t('today_date_invalid'));
      input.current?.focus();
      return;
    }
    await onSnooze(day).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }
  return (
    <form class="today-form" onSubmit={(e) => void save(e)} aria-label={t('today_snooze_label', text)} noValidate>
      <DateField label={t('today_snooze_date')} value={date} onInput={setDate} error={problem ?? undefined} inputRef={input} />
      <div class="today-actions">
        <button type="submit" class="primary">{t('today_snooze_save')}</button>
        <button type="button" onClick={onCancel}>{t('today_cancel')}</button>
      </div>
    </form>
  );
}
