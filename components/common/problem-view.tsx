import { t } from '../../lib/i18n';
import type { Problem } from '../../lib/messaging/problem';
import { problemText } from '../../lib/ui/problem-text';
import { SettingsLink } from './settings-link';

interface Props {
  problem: Problem;
  onRetry?: () => void;
  busy?: boolean;
  /** False on the options page itself. */
  linkToSettings?: boolean;
}

/** A problem worded for the user, with "Try again" and, when the fix is there, a settings link. */
export function ProblemView({ problem, onRetry, busy = false, linkToSettings = true }: Props) {
  const text = problemText(problem);
  const settings = linkToSettings && text.needsSettings;
  return (
    <div class="problem" role="alert" data-problem={problem.kind}>
      <p class="problem-title">{text.title}</p>
      {text.detail && <p class="problem-detail">{text.detail}</p>}
      {(onRetry || settings) && (
        <div class="actions">
          {onRetry && (
            <button type="button" onClick={onRetry} disabled={busy}>
              {t('common_retry')}
            </button>
          )}
          {settings && <SettingsLink />}
        </div>
      )}
    </div>
  );
}
