import { Fragment } from 'preact';
import type { Account } from '../../lib/api';
import { t } from '../../lib/i18n';
import { useAccountEdits } from '../../lib/sidebar/use-account-edits';
import { usePreferencesEditor } from './preferences-editor';
import { useFolded } from '../../lib/sidebar/folds';
import { FoldHeading } from './fold-heading';

/** How the client likes to work, and the special terms agreed with them. */
export function PreferencesSection({ account: server }: { account: Account }) {
  // Changes on their way are shown at once; the card edits in place (preferences-editor.tsx).
  const edits = useAccountEdits(server.id, server, 'account-prefs');
  const account = edits.account ?? server;
  const editor = usePreferencesEditor(account, edits);
  const { channel, language, paymentTerms, workingStyle } = account.preferences;
  const rows: [string, string | null | undefined][] = [
    [t('sidebar_pref_channel'), channel],
    [t('sidebar_pref_language'), language],
    [t('sidebar_pref_payment'), paymentTerms],
    [t('sidebar_pref_style'), workingStyle],
    [t('sidebar_pref_terms'), account.specialTerms],
  ];
  const known = rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1].trim() !== '');
  const folded = useFolded('prefs');
  return (
    <section class="panel" aria-labelledby="prefs-heading" data-testid="preferences">
      <FoldHeading fold="prefs" id="prefs-heading">{t('sidebar_prefs_heading')}</FoldHeading>
      {folded || editor.editing ? null : known.length === 0 ? (
        <p class="muted" id="prefs-body">{t('sidebar_prefs_none')}</p>
      ) : (
        <dl class="facts" id="prefs-body">
          {known.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {editor.view}
    </section>
  );
}
