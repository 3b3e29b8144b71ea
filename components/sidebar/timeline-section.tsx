import { useId, useState } from 'preact/hooks';
import { PROBLEM_KINDS, type Contact, type InteractionKind } from '../../lib/api';
import { t, type MessageKey } from '../../lib/i18n';
import { describeDay } from '../../lib/sidebar/contact-rhythm';
import { groupByDay, localDay } from '../../lib/sidebar/day-groups';
import { toProblem } from '../../lib/messaging/problem-error';
import { useStatus, useTimeline } from '../../lib/sidebar/queries';
import { mayChange, overlayHistory } from '../../lib/sidebar/history-edits';
import { useHistoryChanges } from '../../lib/sidebar/use-history-changes';
import { useFolded } from '../../lib/sidebar/folds';
import { ProblemView } from '../common/problem-view';
import { HistoryUndo } from './history-undo';
import { FoldHeading } from './fold-heading';
import { TimelineItem } from './timeline-item';
import { WriteStatusList } from './write-status';

/** The filter choices: everything, one everyday kind, or all the problems together. */
const FILTERS: Record<string, readonly InteractionKind[]> = {
  all: [],
  note: ['note'],
  call: ['call'],
  meeting: ['meeting'],
  email: ['email'],
  order: ['order'],
  problems: PROBLEM_KINDS,
};

/**
 * The relationship's history, newest first, by day; older pages on request. `contacts` (the
 * account's people) name those each entry involved.
 */
export function TimelineSection({ accountId, contacts }: { accountId: string; contacts: readonly Contact[] }) {
  const filterId = useId();
  const [filter, setFilter] = useState('all');
  const timeline = useTimeline(accountId, FILTERS[filter] ?? []);
  const kinds = FILTERS[filter] ?? [];
  const history = useHistoryChanges(accountId);
  const me = useStatus().data?.user;
  const [editing, setEditing] = useState<string | null>(null);
  const server = timeline.data?.pages.flatMap((p) => p.value.items) ?? [];
  const rows = overlayHistory(server, history.changes, { kinds, hasMore: timeline.hasNextPage }, history.newer);
  const pending = new Set(rows.filter((r) => r.pending).map((r) => r.item.id));
  const items = rows.map((r) => r.item);
  const today = localDay(Date.now());
  const locale = document.documentElement.lang || 'en';
  const folded = useFolded('timeline');

  return (
    <section class="panel" aria-labelledby="timeline-heading" data-testid="timeline">
      <div class="section-head">
        <FoldHeading fold="timeline" id="timeline-heading">{t('sidebar_timeline_heading')}</FoldHeading>
        {!folded && (
          <>
            <label for={filterId} class="visually-hidden">{t('sidebar_timeline_filter')}</label>
            <select id={filterId} value={filter} onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value)}>
              {Object.keys(FILTERS).map((key) => (
                <option key={key} value={key}>{t(`sidebar_filter_${key}` as MessageKey)}</option>
              ))}
            </select>
          </>
        )}
      </div>
      {!folded && (
        <div id="timeline-body">
          <HistoryUndo offers={history.offers} onUndo={(o) => void history.undo(o)} onDismiss={history.dismiss} />
          {history.failure !== null && <ProblemView problem={toProblem(history.failure)} />}
          {history.writes.length > 0 && (
            <WriteStatusList writes={history.writes} onRetry={(key) => void history.retry(key)} onDiscard={(key) => void history.discard(key)} label={t('sidebar_history_status')} />
          )}
          {timeline.isError && <ProblemView problem={toProblem(timeline.error)} onRetry={() => void timeline.refetch()} />}
          {timeline.isPending && <p class="muted">{t('sidebar_loading_list')}</p>}
          {timeline.isSuccess && items.length === 0 && <p class="muted">{t('sidebar_timeline_empty')}</p>}
          {groupByDay(items).map((group) => (
            <div key={group.day} class="day">
              <h3 class="day-heading">{describeDay(group.day, today, locale)}</h3>
              <ul class="timeline">
                {group.items.map((item) => (
                  <TimelineItem key={item.id} item={item} contacts={contacts} locale={locale} pending={pending.has(item.id)}
                    actions={mayChange(item, me) ? {
                      editing: editing === item.id,
                      onEdit: (open) => setEditing(open ? item.id : null),
                      onSave: history.edit,
                      onDelete: () => void history.remove(item),
                    } : null} />
                ))}
              </ul>
            </div>
          ))}
          {timeline.hasNextPage && (
            <button type="button" onClick={() => void timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage}>
              {timeline.isFetchingNextPage ? t('sidebar_loading_list') : t('sidebar_timeline_older')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
