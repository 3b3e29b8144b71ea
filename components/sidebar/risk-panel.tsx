import type { Risk } from '../../lib/api';
import { t } from '../../lib/i18n';
import { describeLevel, describeReason } from '../../lib/risk/describe';

/** The risk level and every reason, worded from its code and numbers. */
export function RiskPanel({ risk }: { risk: Risk }) {
  return (
    <section class="risk" data-risk={risk.level} aria-labelledby="risk-heading">
      <h3 id="risk-heading">{t('sidebar_risk_heading')}</h3>
      <p class="risk-level">{describeLevel(risk.level)}</p>
      {risk.reasons.length === 0 ? (
        <p class="muted">{t('sidebar_risk_none')}</p>
      ) : (
        <ul>
          {risk.reasons.map((reason, i) => (
            <li key={`${reason.code}-${i}`} data-reason={reason.code}>{describeReason(reason)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
