import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { toProblem } from '../../lib/messaging/problem-error';
import { conflictRows } from '../../lib/sidebar/account-change-text';
import type { AccountConflict } from '../../lib/sidebar/account-choices';
import { ProblemView } from '../common/problem-view';
import './account-edit.css';

interface Props {
  conflicts: readonly AccountConflict[];
  onKeepMine: (conflict: AccountConflict) => Promise<void>;
  onKeepTheirs: (conflict: AccountConflict) => Promise<void>;
}

/**
 * Changes the CRM refused because someone changed the client first: for each field, what mine
 * would make it and what the CRM holds now, and which one stays. Nothing is sent until one is chosen.
 */
export function AccountConflicts({ conflicts, onKeepMine, onKeepTheirs }: Props) {
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const choose = (pick: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await pick();
      setFailure(null);
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ul class="account-conflicts">
      {conflicts.map((conflict) => (
        <li key={conflict.write.key} class="account-conflict" data-testid="account-conflict" role="group" aria-label={t('sidebar_conflict_heading')}>
          <p class="conflict-heading"><span aria-hidden="true">⚠ </span>{t('sidebar_conflict_heading')}</p>
          <dl class="conflict-rows">
            {conflictRows(conflict.edit, conflict.theirs).map((row) => (
              <div key={row.field} class="conflict-row">
                <dt>{row.name}</dt>
                <dd data-testid="conflict-mine">{t('sidebar_conflict_yours', row.mine)}</dd>
                <dd data-testid="conflict-theirs">{t('sidebar_conflict_now', row.theirs)}</dd>
              </div>
            ))}
          </dl>
          <div class="actions">
            <button type="button" disabled={busy} onClick={choose(() => onKeepMine(conflict))}>{t('sidebar_keep_mine')}</button>
            <button type="button" disabled={busy} onClick={choose(() => onKeepTheirs(conflict))}>{t('sidebar_keep_theirs')}</button>
          </div>
        </li>
      ))}
      {failure !== null && <li><ProblemView problem={toProblem(failure)} /></li>}
    </ul>
  );
}
