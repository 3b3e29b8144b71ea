import { Fragment } from 'preact';
import type { Account } from '../../lib/api';
import { t } from '../../lib/i18n';

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
  return (
    <section class="panel" aria-labelledby="prefs-heading" data-testid="preferences">
      <h2 id="prefs-heading">{t('sidebar_prefs_heading')}</h2>
      {known.length === 0 ? (
        <p class="muted">{t('sidebar_prefs_none')}</p>
      ) : (
        <dl class="facts">
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
