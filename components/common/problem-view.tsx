import { t } from '../../lib/i18n';
import type { Problem } from '../../lib/messaging/problem';
import { problemText } from '../../lib/ui/problem-text';
import { SettingsLink } from './settings-link';

/** A problem worded for the user, with "Try again" and, when the fix is there, a settings link. */
export function ProblemView({ problem, onRetry, busy = false }: { problem: Problem; onRetry?: () => void; busy?: boolean }) {
  const text = problemText(problem);
  return (
    <div class="problem" role="alert" data-problem={problem.kind}>
      <p class="problem-title">{text.title}</p>
      {text.detail && <p class="problem-detail">{text.detail}</p>}
      {(onRetry || text.needsSettings) && (
        <div class="actions">
          {onRetry && (
            <button type="button" onClick={onRetry} disabled={busy}>
              {t('common_retry')}
            </button>
          )}
          {text.needsSettings && <SettingsLink />}
        </div>
      )}
    </div>
  );
}
