import { useEffect, useRef } from 'preact/hooks';
import type { Commitment } from '../../lib/api';
import { t, tn } from '../../lib/i18n';
import { isOverdue } from '../../lib/sidebar/commitment-order';
import { describeDueDate } from '../../lib/sidebar/contact-rhythm';
import { daysBetween } from '../../lib/sidebar/day-groups';

interface Props {
  commitment: Commitment;
  today: string;
  pending: boolean;
  onDone: () => void;
  onUndo: () => void;
}

const locale = () => document.documentElement.lang || 'en';

/** One promise: what, who owns it, when it is due (overdue said in words), and Done / Undo. */
export function CommitmentItem({ commitment: c, today, pending, onDone, onUndo }: Props) {
  const overdue = isOverdue(c, today);
  const done = c.status === 'done';
  // Done and Undo replace each other: the one that appears takes the focus of the one pressed.
  const action = useRef<HTMLButtonElement>(null);
  const pressed = useRef(false);
  useEffect(() => {
    if (pressed.current) action.current?.focus();
    pressed.current = false;
  }, [done]);
  const press = (then: () => void) => () => {
    pressed.current = true;
    then();
  };
  return (
    <li class={done ? 'commitment done' : overdue ? 'commitment overdue' : 'commitment'} data-testid="commitment" data-status={c.status} data-pending={pending ? 'true' : undefined}>
      <p class="commitment-text">{overdue && <span aria-hidden="true">⚠ </span>}{c.text}</p>
      <p class="muted small">
        {c.owner ? c.owner.name : t('sidebar_no_owner')}
        {' · '}
        {c.dueDate === null
          ? t('sidebar_no_due_date')
          : overdue
            ? <strong class="late">{t('sidebar_overdue_since', describeDueDate(c.dueDate, today, locale()), tn('n_days', daysBetween(c.dueDate, today)))}</strong>
            : t('sidebar_due', describeDueDate(c.dueDate, today, locale()))}
      </p>
      {done ? (
        <p class="done-line" role="status">
          <span><span aria-hidden="true">✓ </span>{t('sidebar_commitment_done')}</span>
          <button type="button" ref={action} onClick={press(onUndo)} aria-label={t('sidebar_undo_label', c.text)}>{t('sidebar_undo')}</button>
        </p>
      ) : (
        <button type="button" class="small-button" ref={action} onClick={press(onDone)} aria-label={t('sidebar_mark_done_label', c.text)}>
          {t('sidebar_mark_done')}
        </button>
      )}
    </li>
  );
}
