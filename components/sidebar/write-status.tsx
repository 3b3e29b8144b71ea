import { t } from '../../lib/i18n';
import type { TrackedWrite } from '../../lib/sidebar/use-queued-writes';
import { problemText } from '../../lib/ui/problem-text';

interface Props {
  writes: readonly TrackedWrite[];
  onRetry: (key: string) => void;
  /** Drops a refused write for good; offered where sending it again can't help. */
  onDiscard?: (key: string) => void;
  label: string;
}

const ICON = { pending: '⏳', saved: '✓', discarded: '✕', failed: '⚠' } as const;
const TEXT = { pending: 'sidebar_write_pending', saved: 'sidebar_write_saved', discarded: 'sidebar_write_discarded', failed: 'sidebar_write_failed' } as const;

/** What happened to each write: pending, then saved, or failed with the CRM's reason and a retry (or discarded after that). */
export function WriteStatusList({ writes, onRetry, onDiscard, label }: Props) {
  return (
    <ul class="write-status" aria-label={label} aria-live="polite">
      {writes.map((w) => (
        <li key={w.key} data-state={w.status.state} data-testid="write-status">
          <span aria-hidden="true" class="state-icon">{ICON[w.status.state]}</span>
          <span class="excerpt">{w.label}</span>
          <span class="state-text">
            {t(TEXT[w.status.state])}
          </span>
          {w.status.state === 'failed' && (
            <>
              {w.status.problem && <span class="field-error">{problemText(w.status.problem).title}</span>}
              {/* A conflict fails the same way every time: the version it was made for is gone. */}
              {w.status.problem?.kind !== 'conflict' && <button type="button" onClick={() => onRetry(w.key)}>{t('common_retry')}</button>}
              {onDiscard && <button type="button" onClick={() => onDiscard(w.key)}>{t('sidebar_discard')}</button>}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
