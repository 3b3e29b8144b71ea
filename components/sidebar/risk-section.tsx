import type { Ref } from 'preact';
import type { Risk } from '../../lib/api';
import { t } from '../../lib/i18n';
import { describeLevel, describeReason } from '../../lib/risk/describe';

const ICON = { ok: '', watch: '◐', 'at-risk': '⚠' } as const;

/** The risk level and every reason in plain words; nothing at all for a healthy client. */
export function RiskSection({ risk, sectionRef }: { risk: Risk; sectionRef: Ref<HTMLElement> }) {
  if (risk.level === 'ok' && risk.reasons.length === 0) return null;
  return (
    <section id="risk" class="panel risk" data-risk={risk.level} aria-labelledby="risk-heading" tabIndex={-1} ref={sectionRef}>
      <h2 id="risk-heading">{t('sidebar_risk_heading')}</h2>
      <p class="risk-level"><span aria-hidden="true">{ICON[risk.level]} </span>{describeLevel(risk.level)}</p>
      <ul>
        {risk.reasons.map((reason, i) => (
          <li key={`${reason.code}-${i}`} data-reason={reason.code}>{describeReason(reason)}</li>
        ))}
      </ul>
    </section>
  );
}
