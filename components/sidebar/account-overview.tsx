import type { AccountSummary } from '../../lib/api';
import { t } from '../../lib/i18n';
import { CommitmentCounts } from './commitment-counts';
import { RiskPanel } from './risk-panel';
import { StageLadder } from './stage-ladder';

/** The account at a glance: stage, owner, commitments and risk. */
export function AccountOverview({ summary }: { summary: AccountSummary }) {
  return (
    <section class="card overview" aria-label={summary.name}>
      <dl class="facts">
        <dt>{t('sidebar_stage_label')}</dt>
        <dd><StageLadder stage={summary.stage} /></dd>
        <dt>{t('sidebar_owner_label')}</dt>
        <dd data-testid="owner">{summary.owner ? summary.owner.name : t('sidebar_no_owner')}</dd>
      </dl>
      <CommitmentCounts open={summary.openCommitments} overdue={summary.overdueCommitments} />
      <RiskPanel risk={summary.risk} />
    </section>
  );
}
