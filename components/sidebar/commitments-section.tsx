import { useState } from 'preact/hooks';
import type { AccountSummary, Commitment, User, UserRef } from '../../lib/api';
import { t } from '../../lib/i18n';
import { orderCommitments } from '../../lib/sidebar/commitment-order';
import { overlayCommitments, type LocalChange } from '../../lib/sidebar/commitment-overlay';
import { localDay } from '../../lib/sidebar/day-groups';
import { toProblem } from '../../lib/ui/problem-text';
import { useOpenCommitments } from '../../lib/ui/sidebar-queries';
import type { QueuedWrites } from '../../lib/ui/use-queued-writes';
import { ProblemView } from '../common/problem-view';
import { AddCommitmentForm } from './add-commitment-form';
import { CommitmentCounts } from './commitment-counts';
import { CommitmentItem } from './commitment-item';

interface Props {
  summary: AccountSummary;
  user: User | null;
  owner: UserRef | null;
  team: readonly UserRef[];
  writes: QueuedWrites;
  contactId: string | null;
}

/** What we promised this client: overdue first, then by due date; done and added from here. */
export function CommitmentsSection({ summary, user, owner, team, writes, contactId }: Props) {
  const list = useOpenCommitments(summary.id);
  const [changes, setChanges] = useState<ReadonlyMap<string, LocalChange>>(new Map());
  const [added, setAdded] = useState<Commitment[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const today = localDay(Date.now());
  const rows = overlayCommitments(list.data?.value.items ?? [], changes, added);
  // Done ones keep the place they had while open, so a row doesn't jump away under the pointer.
  const byId = new Map(rows.map((r) => [r.commitment.id, r.commitment]));
  const ordered = orderCommitments(rows.map((r) => ({ ...r.commitment, status: 'open' as const })), today)
    .flatMap((c) => byId.get(c.id) ?? []);
  const pending = new Set(rows.filter((r) => r.pending).map((r) => r.commitment.id));

  const setStatus = async (c: Commitment, status: 'open' | 'done') => {
    const change: LocalChange = { status, version: c.version + 1, snapshot: c };
    setChanges((m) => new Map(m).set(c.id, change));
    try {
      await writes.queue(
        { type: 'commitment-patch', commitmentId: c.id, accountId: c.accountId, body: { version: c.version, status } },
        c.text,
        'commitment',
      );
      setFailure(null);
    } catch (error) {
      // Not queued: show the commitment as it was, and say why.
      setChanges((m) => {
        const next = new Map(m);
        next.delete(c.id);
        return next;
      });
      setFailure(error);
    }
  };

  return (
    <section class="panel" aria-labelledby="commitments-heading" data-testid="commitments">
      <h2 id="commitments-heading">{t('sidebar_commitments_heading')}</h2>
      <CommitmentCounts open={summary.openCommitments} overdue={summary.overdueCommitments} />
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
      <AddCommitmentForm
        accountId={summary.id}
        contactId={contactId}
        user={user}
        people={[...(owner ? [owner] : []), ...team]}
        writes={writes}
        onAdded={(c) => setAdded((list) => [...list, c])}
      />
    </section>
  );
}
