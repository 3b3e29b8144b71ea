import type { RiskLevel, RiskReason } from '../api';
import { t, tn } from '../i18n';

/** One reason in plain words, in the UI's language ("2 commitments overdue, the oldest by 9 days"). */
export function describeReason(r: RiskReason): string {
  switch (r.code) {
    case 'silence':
      return r.basis === 'cadence'
        ? t('reason_silence_cadence', tn('n_days', r.days), tn('n_days', r.expectedDays))
        : t('reason_silence_usual', tn('n_days', r.days), tn('n_days', r.expectedDays));
    case 'overdue-commitments':
      return t('reason_overdue', tn('n_commitments_overdue', r.count), tn('n_days', r.oldestDaysOverdue));
    case 'only-problems':
      return t('reason_only_problems', r.problems, r.of);
    case 'shrinking-business':
      if (r.dropPercent !== null && r.cancellations > 0) {
        return t('reason_shrinking_both', r.dropPercent, tn('n_cancellations', r.cancellations));
      }
      return r.dropPercent !== null
        ? t('reason_orders_down', r.dropPercent)
        : t('reason_cancellations', tn('n_cancellations', r.cancellations));
    case 'single-threaded':
      return t('reason_single_threaded', tn('n_months', r.months));
    case 'no-owner':
      return t('reason_no_owner');
    case 'competitor-mentioned':
      return r.daysAgo === 0
        ? t('reason_competitor_today', r.competitor)
        : t('reason_competitor', r.competitor, tn('n_days', r.daysAgo));
  }
}

export function describeLevel(level: RiskLevel): string {
  return t(level === 'at-risk' ? 'risk_level_at_risk' : level === 'watch' ? 'risk_level_watch' : 'risk_level_ok');
}

/** A one-line summary for badges' accessible labels and tooltips: level, then every reason. */
export function describeRisk(level: RiskLevel, reasons: readonly RiskReason[]): string {
  return [describeLevel(level), ...reasons.map(describeReason)].join('. ');
}
