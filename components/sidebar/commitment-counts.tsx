import { t } from '../../lib/i18n';

/** Open and overdue commitments at a glance; overdue ones are what loses clients. */
export function CommitmentCounts({ open, overdue }: { open: number; overdue: number }) {
  return (
    <div class="counts">
      <div>
        <span class="count-value" data-testid="open-commitments">{open}</span>
        <span class="muted">{t('sidebar_commitments_open')}</span>
      </div>
      <div>
        <span class={overdue > 0 ? 'count-value overdue' : 'count-value'} data-testid="overdue-commitments">{overdue}</span>
        <span class="muted">{t('sidebar_commitments_overdue')}</span>
      </div>
    </div>
  );
}
