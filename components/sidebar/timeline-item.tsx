import { PROBLEM_KINDS, type Interaction, type InteractionKind, type InteractionPatch } from '../../lib/api';
import { t, type MessageKey } from '../../lib/i18n';
import { dateFormat } from '../../lib/intl-cache';
import { formatAmount } from '../../lib/sidebar/amount';
import { excerpt } from '../../lib/sidebar/history-edits';
import { involvedNames } from '../../lib/sidebar/involved';
import { lazyComponent } from '../../lib/sidebar/lazy';
import { useFocusReturn } from '../../lib/sidebar/use-focus-return';

// Opened on request only: loaded on demand, out of the sidebar's first bundle.
const EntryEditForm = lazyComponent(() => import('./entry-edit-form').then((m) => m.EntryEditForm));

const ICON: Record<InteractionKind, string> = {
  email: '✉', call: '☎', meeting: '◉', note: '✎', order: '◆', cancellation: '⚠', complaint: '⚠', billing: '⚠', outage: '⚠', other: '•',
};

interface Props {
  item: Interaction;
  /** The account's people, to name those the entry involved. */
  contacts: readonly { id: string; name: string }[];
  locale: string;
  /** A change of this page the CRM has not confirmed yet. */
  pending?: boolean;
  /** Edit and Delete, for an entry the user may change (their own, or as the team allows). */
  actions?: { editing: boolean; onEdit: (open: boolean) => void; onSave: (item: Interaction, body: InteractionPatch) => Promise<boolean>; onDelete: () => void } | null;
}

/**
 * One interaction: its kind in words and a symbol, the client's people it involved, what
 * happened (as text), its amount, and who of us logged it (said apart from the client's people).
 */
export function TimelineItem({ item, contacts, locale, pending = false, actions = null }: Props) {
  const problem = PROBLEM_KINDS.includes(item.kind);
  const when = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(item.occurredAt));
  const involved = involvedNames(item, contacts);
  // Saved or cancelled, the form gives the keyboard focus back to its Edit button.
  const editButton = useFocusReturn(actions?.editing ?? false, item.id);
  return (
    <li class={problem ? 'event problem-event' : 'event'} data-kind={item.kind} data-testid="timeline-item" data-id={item.id} title={when} data-pending={pending ? 'true' : undefined}>
      <p class="event-meta small">
        <span aria-hidden="true" class="event-icon">{ICON[item.kind]}</span>
        <strong>{problem ? t('sidebar_problem_kind', t(`kind_${item.kind}` as MessageKey)) : t(`kind_${item.kind}` as MessageKey)}</strong>
        <span class="muted">{` · ${t(`direction_${item.direction}` as MessageKey)}`}</span>
        {involved.length > 0 && <span class="muted" data-testid="involved">{` · ${t('sidebar_involved', involved.join(', '))}`}</span>}
      </p>
      {actions?.editing ? (
        <EntryEditForm item={item} locale={locale} onSave={actions.onSave} onClose={() => actions.onEdit(false)} />
      ) : (
        <>
          <p class="event-summary">{item.summary}</p>
          {item.amount !== null && <p class="small" data-testid="event-amount">{t('sidebar_event_amount', formatAmount(item.amount, locale))}</p>}
        </>
      )}
      {item.author && <p class="small muted" data-testid="logged-by">{t('sidebar_logged_by', item.author.name)}</p>}
      {pending && <p class="small muted" data-testid="entry-pending"><span aria-hidden="true">⏳ </span>{t('sidebar_write_pending')}</p>}
      {actions && !actions.editing && (
        <p class="entry-actions">
          <button type="button" class="small-button" ref={editButton} onClick={() => actions.onEdit(true)} aria-label={t('sidebar_entry_edit_label', excerpt(item.summary))}>{t('sidebar_entry_edit')}</button>
          <button type="button" class="small-button" onClick={actions.onDelete} aria-label={t('sidebar_entry_delete_label', excerpt(item.summary))}>{t('sidebar_entry_delete')}</button>
        </p>
      )}
    </li>
  );
}
