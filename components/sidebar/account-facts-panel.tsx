import type { Account, UserRef } from '../../lib/api';
import { t } from '../../lib/i18n';
import { useAccountChoices } from '../../lib/sidebar/account-choices';
import { useStatus } from '../../lib/sidebar/queries';
import { useEffect } from 'preact/hooks';
import { publishShownAccount } from '../../lib/sidebar/account-shown';
import { useAccountEdits } from '../../lib/sidebar/use-account-edits';
import { AccountConflicts } from './account-conflicts';
import { AccountFactsForm } from './account-facts-form';
import { WriteStatusList } from './write-status';

interface Props {
  editing: boolean;
  onClose: () => void;
  /** The account as the CRM last gave it. */
  server: Account;
}

/** Who may own the client or work with it: me, and its owner and team before and after my changes. */
function peopleOf(me: UserRef | null, ...accounts: Account[]): UserRef[] {
  const all = [...(me ? [me] : []), ...accounts.flatMap((a) => [...(a.owner ? [a.owner] : []), ...a.team])];
  return all.filter((p, i) => all.findIndex((q) => q.id === p.id) === i);
}

/**
 * Below the header, once its facts were edited (loaded on demand): the form that edits them, and
 * what became of the changes; the header shows the account as they leave it.
 */
export function AccountFactsPanel({ editing, onClose, server }: Props) {
  const user = useStatus().data?.user?.user ?? null;
  const edits = useAccountEdits(server.id, server, 'account-facts');
  const choices = useAccountChoices(edits);
  const account = edits.account ?? server;
  const shownKey = `${account.version}:${edits.pending}:${JSON.stringify(account)}`;
  useEffect(() => publishShownAccount(server.id, { account, pending: edits.pending }), [server.id, shownKey]);
  useEffect(() => () => publishShownAccount(server.id, null), [server.id]);
  const me: UserRef | null = user && { id: user.id, name: user.name, email: user.email };
  if (!editing && edits.writes.length === 0) return null;
  return (
    <section class="panel facts-panel" aria-label={t('sidebar_edit_facts_label')} data-testid="facts-panel">
      {editing && <AccountFactsForm account={account} people={peopleOf(me, server, account)} me={me} onSave={edits.save} onClose={onClose} />}
      {choices.conflicts.length > 0 && <AccountConflicts conflicts={choices.conflicts} onKeepMine={choices.keepMine} onKeepTheirs={choices.keepTheirs} />}
      {choices.taken.map(({ write, domains }) => (
        <p key={write.key} class="field-error" role="alert" data-testid="domain-taken">{t('sidebar_domain_taken', domains.join(', '))}</p>
      ))}
      {choices.others.length > 0 && (
        <WriteStatusList writes={choices.others} onRetry={(key) => void choices.retry(key)} onDiscard={(key) => void choices.discard(key)} label={t('sidebar_facts_status')} />
      )}
    </section>
  );
}
