import type { ComponentChildren } from 'preact';
import type { AttentionPage } from '../../lib/api';
import { t } from '../../lib/i18n';
import { dateFormat } from '../../lib/intl-cache';
import { toProblem } from '../../lib/messaging/problem-error';
import { describeReason } from '../../lib/risk/describe';
import { localDayOf, reasonsLine, rhythmWords } from '../../lib/ui/attention-lines';
import { useAttention, useSectionRows, type AttentionOwner, type AttentionSection } from '../../lib/ui/use-attention';
import { ProblemView } from '../common/problem-view';
import { AccountRow } from './account-row';
import { CommitmentRow } from './commitment-row';
import { errorText } from './row-actions';

type OpenClient = (account: { id: string; name: string }) => void;

const locale = () => document.documentElement.lang || 'en';

/** Who needs me today: clients drifting, promises due, agreed calls this week; from the cache when offline. */
export function TodayView({ owner, onOpenClient }: { owner: AttentionOwner; onOpenClient: OpenClient }) {
  const attention = useAttention(owner);
  if (attention.isPending) return <p class="muted" aria-busy="true">{t('today_loading')}</p>;
  if (attention.isError) return <ProblemView problem={toProblem(attention.error)} onRetry={() => void attention.refetch()} busy={attention.isFetching} />;
  const { value: page, offline, fetchedAt } = attention.data;
  return (
    <>
      {offline && (
        <p class="banner" role="status" data-testid="today-offline">
          <span aria-hidden="true">⚡ </span>{t('today_offline_cached', dateFormat(locale(), { timeStyle: 'short' }).format(fetchedAt))}
        </p>
      )}
      <Section owner={owner} page={page} section="commitments" heading={t('today_commitments_heading')} empty={t('today_none_commitments')}>
        {(rows) => rows.map((row) => <CommitmentRow key={row.commitment.id} row={row} today={localDayOf(Date.now())} onOpenClient={onOpenClient} />)}
      </Section>
      <Section owner={owner} page={page} section="atRisk" heading={t('today_at_risk_heading')} empty={t('today_none_at_risk')}>
        {(rows) => rows.map((r) => (
          <AccountRow key={r.account.id} account={r.account} level={r.level} testId="today-risk" onOpenClient={onOpenClient}
            line={reasonsLine(r.reasons, describeReason)} />
        ))}
      </Section>
      <Section owner={owner} page={page} section="rhythm" heading={t('today_rhythm_heading')} empty={t('today_none_rhythm')}>
        {(rows) => rows.map((r) => (
          <AccountRow key={r.account.id} account={r.account} testId="today-rhythm" onOpenClient={onOpenClient} line={rhythmWords(r, page.asOf)} />
        ))}
      </Section>
    </>
  );
}

type Rows<K extends AttentionSection> = NonNullable<AttentionPage[K]>['items'];

interface SectionProps<K extends AttentionSection> {
  owner: AttentionOwner;
  page: AttentionPage;
  section: K;
  heading: string;
  empty: string;
  children: (rows: Rows<K>) => ComponentChildren;
}

/** One list with its heading, its rows or a line saying there are none, and "Show more" while pages remain. */
function Section<K extends AttentionSection>({ owner, page, section, heading, empty, children }: SectionProps<K>) {
  const { rows, hasMore, loading, problem, loadMore } = useSectionRows(owner, page, section);
  const id = `today-${section}`;
  return (
    <section class="panel today-section" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{heading}</h2>
      {rows.length === 0 ? <p class="muted">{empty}</p> : <ul class="today-list">{children(rows as Rows<K>)}</ul>}
      {hasMore && <button type="button" class="small-button" onClick={() => void loadMore()} disabled={loading}>{t('today_more')}</button>}
      {problem !== null && <p class="today-problem" role="alert">{errorText(problem)}</p>}
    </section>
  );
}
