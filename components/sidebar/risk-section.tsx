import type { Ref } from 'preact';
import type { Risk } from '../../lib/api';
import { describeLevel, describeReason } from '../../lib/risk/describe';

const ICON = { ok: '', watch: '◐', 'at-risk': '⚠' } as const;

/** The risk level and every reason in plain words; nothing at all for a healthy client. */
export function RiskSection({ risk, sectionRef }: { risk: Risk; sectionRef: Ref<HTMLElement> }) {
  if (risk.level === 'ok' && risk.reasons.length === 0) return null;
  return (
    <section id="risk" class="panel risk" data-risk={risk.level} aria-labelledby="risk-heading" tabIndex={-1} ref={sectionRef}>
      {/* The level is the title: "Risk" above "At risk" said the same thing twice. */}
      <h2 id="risk-heading" class="risk-level"><span aria-hidden="true">{ICON[risk.level]} </span>{describeLevel(risk.level)}</h2>
      <ul>
        {risk.reasons.map((reason, i) => (
          <li key={`${reason.code}-${i}`} data-reason={reason.code}>{describeReason(reason)}</li>
        ))}
      </ul>
    </section>
  );
}
