import { useState } from 'preact/hooks';
import type { Account } from '../../lib/api';
import { t } from '../../lib/i18n';
import { useAccountChoices } from '../../lib/sidebar/account-choices';
import { useFolded } from '../../lib/sidebar/folds';
import { lazyComponent } from '../../lib/sidebar/lazy';
import type { AccountEdits } from '../../lib/sidebar/use-account-edits';
import { useFocusReturn } from '../../lib/sidebar/use-focus-return';
import { AccountConflicts } from './account-conflicts';
import { WriteStatusList } from './write-status';

// Opened on request: loaded on demand.
const PreferencesForm = lazyComponent(() => import('./preferences-form').then((m) => m.PreferencesForm));

/**
 * The card's Edit button and, once pressed, its form in place of what it shows (`editing`);
 * below, what became of the changes sent from it. Nothing while the card is folded. The form stands
 * in for the card's body (`prefs-body`, which its fold heading controls).
 */
export function usePreferencesEditor(account: Account, edits: AccountEdits) {
  const folded = useFolded('prefs');
  // The account whose card is being edited: another client shown closes the form.
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = editingId === account.id;
  const setEditing = (open: boolean) => setEditingId(open ? account.id : null);
  const opener = useFocusReturn(editing, account.id);
  const choices = useAccountChoices(edits);
  const close = () => setEditing(false);
  const view = folded ? null : (
    <>
      {editing ? (
        <PreferencesForm id="prefs-body" account={account} onSave={edits.save} onClose={close} />
      ) : (
        <button type="button" class="small-button prefs-edit" ref={opener} aria-label={t('sidebar_edit_prefs_label')} onClick={() => setEditing(true)}>
          {t('sidebar_edit_facts')}
        </button>
      )}
      {choices.conflicts.length > 0 && <AccountConflicts conflicts={choices.conflicts} onKeepMine={choices.keepMine} onKeepTheirs={choices.keepTheirs} />}
      {choices.others.length > 0 && (
        <WriteStatusList writes={choices.others} onRetry={(key) => void choices.retry(key)} onDiscard={(key) => void choices.discard(key)} label={t('sidebar_facts_status')} />
      )}
    </>
  );
  return { editing: editing && !folded, view };
}
