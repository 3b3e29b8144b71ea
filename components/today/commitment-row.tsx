import { useState } from 'preact/hooks';
import type { AttentionCommitment } from '../../lib/api';
import { t, uiLanguage } from '../../lib/i18n';
import { dueWords } from '../../lib/ui/attention-lines';
import { ask } from '../../lib/ui/ask';
import { formatLocalDate } from '../../lib/ui/local-date';
import { errorText, OpenInMail } from './row-actions';
import { SnoozeForm } from './snooze-form';

type State = { kind: 'idle' } | { kind: 'snoozing' } | { kind: 'done' } | { kind: 'snoozed'; date: string };

interface Props {
  row: AttentionCommitment;
  /** The viewer's day (`YYYY-MM-DD`): a snooze goes from here on. */
  today: string;
  onOpenClient: (account: { id: string; name: string }) => void;
}

/** One promise due or overdue: what, for whom, when, and Done / Snooze / Open in mail in place. */
export function CommitmentRow({ row, today, onOpenClient }: Props) {
  const c = row.commitment;
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);

  // Through the outbox, as the sidebar does: kept when offline, sent once, refused in words.
  const patch = async (body: { status: 'done' } | { dueDate: string }) =>
    ask('enqueueWrite', { write: { type: 'commitment-patch', commitmentId: c.id, accountId: c.accountId, body: { version: c.version, ...body } } });

  async function done() {
    setProblem(null);
    setState({ kind: 'done' });
    await patch({ status: 'done' }).catch((error: unknown) => {
      setState({ kind: 'idle' });
      setProblem(errorText(error));
    });
  }
  async function snooze(date: string) {
    await patch({ dueDate: date }).then(() => setState({ kind: 'snoozed', date }), (error: unknown) => {
      throw new Error(errorText(error));
    });
  }

  const overdue = row.daysOverdue > 0;
  const settled = state.kind === 'done' || state.kind === 'snoozed';
  return (
    <li class={overdue ? 'today-row overdue' : 'today-row'} data-testid="today-commitment" data-status={state.kind}>
      <p class="today-main">{overdue && <span aria-hidden="true">⚠ </span>}{c.text}</p>
      <p class="today-line">
        <button type="button" class="link" onClick={() => onOpenClient(row.account)} aria-label={t('today_open_client', row.account.name)}>{row.account.name}</button>
        {' · '}
        <span class={overdue ? 'late' : undefined}>{dueWords(row.daysOverdue)}</span>
      </p>
      {settled ? (
        <p class="today-status" role="status">
          <span aria-hidden="true">✓ </span>{state.kind === 'done' ? t('today_done') : t('today_snoozed', formatLocalDate(state.date, uiLanguage()))}
        </p>
      ) : state.kind === 'snoozing' ? (
        <SnoozeForm id={c.id} text={c.text} today={today} onSnooze={snooze} onCancel={() => setState({ kind: 'idle' })} />
      ) : (
        <div class="today-actions">
          <button type="button" class="small-button" onClick={() => void done()} aria-label={t('sidebar_mark_done_label', c.text)}>{t('sidebar_mark_done')}</button>
          <button type="button" class="small-button" onClick={() => setState({ kind: 'snoozing' })} aria-label={t('today_snooze_label', c.text)}>{t('today_snooze')}</button>
          <OpenInMail accountId={row.account.id} accountName={row.account.name} />
        </div>
      )}
      {problem && <p class="today-problem" role="alert">{problem}</p>}
    </li>
  );
}
