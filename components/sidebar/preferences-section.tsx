import { Fragment } from 'preact';
import type { Account } from '../../lib/api';
import { t } from '../../lib/i18n';
import { useFolded } from '../../lib/sidebar/folds';
import { FoldHeading } from './fold-heading';

/** How the client likes to work, and the special terms agreed with them. */
export function PreferencesSection({ account }: { account: Account }) {
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
      {folded ? null : known.length === 0 ? (
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
    </section>
  );
}
