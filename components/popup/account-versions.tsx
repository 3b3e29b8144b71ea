import type { AccountPatch } from '../../lib/api';
import { t } from '../../lib/i18n';
import { conflictAccount, versionRows, withPatch } from '../../lib/ui/account-fields';

/**
 * A client's facts as the refused change would leave them beside how the CRM has them now, one
 * row per field the change set, worded as the sidebar's conflict view words them.
 */
export function AccountVersions({ body, details }: { body: AccountPatch; details: unknown }) {
  const theirs = conflictAccount(details);
  if (!theirs) return null;
  // People the account does not name (a colleague since removed) are known here by no name.
  const mine = withPatch(theirs, body, (id) => ({ id, name: t('popup_someone_else'), email: '' }));
  return (
    <dl class="versions" data-testid="account-versions">
      {versionRows(body, mine, theirs).map((row) => (
        <div key={row.field} class="version-row">
          <dt>{row.name}</dt>
          <dd data-testid="conflict-mine">{t('popup_conflict_mine', row.mine)}</dd>
          <dd data-testid="conflict-theirs">{t('popup_conflict_theirs', row.theirs)}</dd>
        </div>
      ))}
    </dl>
  );
}
