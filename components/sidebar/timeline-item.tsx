import { PROBLEM_KINDS, type Interaction, type InteractionKind } from '../../lib/api';
import { t, type MessageKey } from '../../lib/i18n';
import { dateFormat } from '../../lib/intl-cache';

const ICON: Record<InteractionKind, string> = {
  email: '✉', call: '☎', meeting: '◉', note: '✎', order: '◆', cancellation: '⚠', complaint: '⚠', billing: '⚠', outage: '⚠', other: '•',
};

/** One interaction: its kind in words and a symbol, who logged it, and what happened (as text). */
export function TimelineItem({ item }: { item: Interaction }) {
  const problem = PROBLEM_KINDS.includes(item.kind);
  const when = dateFormat(document.documentElement.lang || 'en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(item.occurredAt));
  return (
    <li class={problem ? 'event problem-event' : 'event'} data-kind={item.kind} data-testid="timeline-item" title={when}>
      <p class="event-meta small">
        <span aria-hidden="true" class="event-icon">{ICON[item.kind]}</span>
        <strong>{problem ? t('sidebar_problem_kind', t(`kind_${item.kind}` as MessageKey)) : t(`kind_${item.kind}` as MessageKey)}</strong>
        <span class="muted">{` · ${t(`direction_${item.direction}` as MessageKey)}`}</span>
        {item.author && <span class="muted">{` · ${item.author.name}`}</span>}
      </p>
      <p class="event-summary">{item.summary}</p>
    </li>
  );
}
