import { PROBLEM_KINDS, type Interaction, type InteractionKind } from '../../lib/api';
import { t, type MessageKey } from '../../lib/i18n';
import { dateFormat } from '../../lib/intl-cache';
import { formatAmount } from '../../lib/sidebar/amount';
import { involvedNames } from '../../lib/sidebar/involved';

const ICON: Record<InteractionKind, string> = {
  email: '✉', call: '☎', meeting: '◉', note: '✎', order: '◆', cancellation: '⚠', complaint: '⚠', billing: '⚠', outage: '⚠', other: '•',
};

interface Props {
  item: Interaction;
  /** The account's people, to name those the entry involved. */
  contacts: readonly { id: string; name: string }[];
  locale: string;
}

/**
 * One interaction: its kind in words and a symbol, the client's people it involved, what
 * happened (as text), its amount, and who of us logged it (said apart from the client's people).
 */
export function TimelineItem({ item, contacts, locale }: Props) {
  const problem = PROBLEM_KINDS.includes(item.kind);
  const when = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(item.occurredAt));
  const involved = involvedNames(item, contacts);
  return (
    <li class={problem ? 'event problem-event' : 'event'} data-kind={item.kind} data-testid="timeline-item" title={when}>
      <p class="event-meta small">
        <span aria-hidden="true" class="event-icon">{ICON[item.kind]}</span>
        <strong>{problem ? t('sidebar_problem_kind', t(`kind_${item.kind}` as MessageKey)) : t(`kind_${item.kind}` as MessageKey)}</strong>
        <span class="muted">{` · ${t(`direction_${item.direction}` as MessageKey)}`}</span>
        {involved.length > 0 && <span class="muted" data-testid="involved">{` · ${t('sidebar_involved', involved.join(', '))}`}</span>}
      </p>
      <p class="event-summary">{item.summary}</p>
      {item.amount !== null && <p class="small" data-testid="event-amount">{t('sidebar_event_amount', formatAmount(item.amount, locale))}</p>}
      {item.author && <p class="small muted" data-testid="logged-by">{t('sidebar_logged_by', item.author.name)}</p>}
    </li>
  );
}
