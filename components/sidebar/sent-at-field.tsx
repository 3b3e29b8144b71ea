import { useId } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { SentAtProblem } from '../../lib/sidebar/email-log';

interface Props {
  value: string;
  onInput: (value: string) => void;
  problem: SentAtProblem | null;
}

const PROBLEM = {
  empty: 'sidebar_log_sent_at_empty',
  invalid: 'sidebar_log_sent_at_invalid',
  future: 'sidebar_log_sent_at_future',
} as const;

/**
 * Asks when the email was sent, when the page shows no date we can read. Starts empty (never
 * now) and may not be later than now; loaded only for such emails.
 */
export function SentAtField({ value, onInput, problem }: Props) {
  const id = useId();
  return (
    <div class="field" data-testid="log-sent-at">
      <label for={id}>{t('sidebar_log_sent_at')}</label>
      <p id={`${id}-hint`} class="small muted">{t('sidebar_log_sent_at_hint')}</p>
      <input
        id={id}
        type="datetime-local"
        required
        value={value}
        max={localMinute(new Date())}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
      />
      {problem && <p id={`${id}-error`} class="field-error" role="alert">{t(PROBLEM[problem])}</p>}
    </div>
  );
}

/** "2025-11-20T10:00" in the browser's zone, as datetime-local fields write. */
function localMinute(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
