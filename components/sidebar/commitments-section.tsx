import type { Account, AccountSummary, Commitment, User } from '../../lib/api';
import { t } from '../../lib/i18n';
import { orderCommitments } from '../../lib/sidebar/commitment-order';
import { localDay } from '../../lib/sidebar/day-groups';
import { toProblem } from '../../lib/messaging/problem-error';
import { useOpenCommitments } from '../../lib/sidebar/queries';
import { useCommitmentChanges } from '../../lib/sidebar/use-commitment-changes';
import type { QueuedWrites } from '../../lib/sidebar/use-queued-writes';
import { useScoped } from '../../lib/sidebar/use-scoped';
import { lazyComponent } from '../../lib/sidebar/lazy';
import { useFolded } from '../../lib/sidebar/folds';
import { ProblemView } from '../common/problem-view';
import { CommitmentItem } from './commitment-item';
import { FoldHeading } from './fold-heading';
import { WriteStatusList } from './write-status';

// Not needed for the first paint: loaded on demand, out of the sidebar's first bundle.
const AddCommitmentForm = lazyComponent(() => import('./add-commitment-form').then((m) => m.AddCommitmentForm));

interface Props {
  /** The thread and person shown. */
  scope: string;
  summary: AccountSummary;
  user: User | null;
  /** The account as read (null until it is in): who a promise can be given to. */
  account: Account | null;
  writes: QueuedWrites;
  contactId: string | null;
}

/** What we promised this client: overdue first, then by due date; done and added from here. */
export function CommitmentsSection({ scope, summary, user, account, writes, contactId }: Props) {
  const list = useOpenCommitments(summary.id);
  const folded = useFolded('commitments');
  const local = useCommitmentChanges(writes);
  const [failure, setFailure] = useScoped<unknown>(scope, null);
  const today = localDay(Date.now());
  const rows = local.rows(summary.id, list.data?.value.items ?? []);
  // Done ones keep the place they had while open, so a row doesn't jump away under the pointer.
  const byId = new Map(rows.map((r) => [r.commitment.id, r.commitment]));
  const ordered = orderCommitments(rows.map((r) => ({ ...r.commitment, status: 'open' as const })), today)
    .flatMap((c) => byId.get(c.id) ?? []);
  const pending = new Set(rows.filter((r) => r.pending).map((r) => r.commitment.id));
  // Changes the CRM refused, each with its reason (a conflict names the newer version shown now).
  const refused = writes.writes.filter((w) => w.group === 'commitment' && w.status.state === 'failed');

  const setStatus = (c: Commitment, status: 'open' | 'done') =>
    local.setStatus(c, status).then(() => setFailure(null), setFailure);

  return (
    <section class="panel" aria-labelledby="commitments-heading" data-testid="commitments">
      {/* The counts beside the title, not again under it: they stay in sight while the list is folded. */}
      <FoldHeading
        fold="commitments"
        id="commitments-heading"
        aside={
          <span class="fold-aside">
            <span class="fold-count" data-testid="open-commitments">{summary.openCommitments}</span>
            {summary.overdueCommitments > 0 && ' '}
            {summary.overdueCommitments > 0 && (
              <span class="fold-count overdue">{`${t('sidebar_commitments_overdue')}: `}<span data-testid="overdue-commitments">{summary.overdueCommitments}</span></span>
            )}
          </span>
        }
      >
        {t('sidebar_commitments_heading')}
      </FoldHeading>
      {!folded && (
        <div id="commitments-body">
          {list.isError && <ProblemView problem={toProblem(list.error)} onRetry={() => void list.refetch()} />}
          {list.isPending && <p class="muted" role="status">{t('sidebar_loading_list')}</p>}
          {list.isSuccess && ordered.length === 0 && <p class="muted">{t('sidebar_commitments_none')}</p>}
          <ul class="commitments">
            {ordered.map((c) => (
              <CommitmentItem
                key={c.id}
                commitment={c}
                today={today}
                pending={pending.has(c.id)}
                onDone={() => void setStatus(c, 'done')}
                onUndo={() => void setStatus(c, 'open')}
              />
            ))}
          </ul>
          {failure !== null && <ProblemView problem={toProblem(failure)} />}
          {refused.length > 0 && (
            <WriteStatusList writes={refused} onRetry={(key) => void writes.retry(key)} onDiscard={(key) => void writes.discard(key)} label={t('sidebar_commitments_heading')} />
          )}
          <AddCommitmentForm
            scope={scope}
            accountId={summary.id}
            contactId={contactId}
            user={user}
            account={account}
            writes={writes}
            onAdded={local.added}
          />
        </div>
      )}
    </section>
  );
}
