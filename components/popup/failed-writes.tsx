import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { hasOwnText, rebased, textOf, theirVersion, withText, type TheirVersion } from '../../lib/messaging/write-text';
import { t } from '../../lib/i18n';
import type { OutboxStatus, OutboxSummary } from '../../lib/messaging/protocol';
import type { Write } from '../../lib/messaging/write';
import { ask } from '../../lib/ui/ask';
import { toProblem } from '../../lib/messaging/problem-error';
import { problemText } from '../../lib/ui/problem-text';
import { AccountVersions } from './account-versions';

type Change = { key: string; write: Write };
interface Actions {
  retry: (key: string) => void;
  discard: (key: string) => void;
  update: (change: Change, done: () => void) => void;
  busy: boolean;
}

/**
 * Writes the CRM refused, each with its reason and the choices: send again, edit and send, or
 * discard; on a conflict, their version beside the user's, to apply the user's change to theirs
 * or keep theirs.
 */
export function FailedWrites() {
  const queries = useQueryClient();
  const outbox = useQuery({ queryKey: ['outbox'], queryFn: () => ask('getOutboxStatus'), refetchInterval: 5000 });
  const settle = (status: OutboxStatus) => {
    queries.setQueryData(['outbox'], status);
    void queries.invalidateQueries({ queryKey: ['status'] });
  };
  const retry = useMutation({ mutationFn: (key: string) => ask('retryWrite', { key }), onSuccess: settle });
  const discard = useMutation({ mutationFn: (key: string) => ask('discardWrite', { key }), onSuccess: settle });
  const update = useMutation({ mutationFn: (change: Change) => ask('updateFailedWrite', change), onSuccess: settle });
  const actions: Actions = {
    retry: (key) => retry.mutate(key),
    discard: (key) => discard.mutate(key),
    update: (change, done) => update.mutate(change, { onSuccess: done }),
    busy: retry.isPending || discard.isPending || update.isPending,
  };
  const failed = outbox.data?.items.filter((item) => item.state === 'failed') ?? [];
  if (failed.length === 0) return null;
  const refused = update.error ?? retry.error ?? discard.error;
  return (
    <ul class="failed-writes">
      {refused && <li role="alert">{problemText(toProblem(refused)).title}</li>}
      {failed.map((item) => <FailedWrite key={item.key} item={item} actions={actions} />)}
    </ul>
  );
}

function FailedWrite({ item, actions }: { item: OutboxSummary; actions: Actions }) {
  const [draft, setDraft] = useState<string | null>(null);
  const { write } = item;
  const theirs = item.conflict ? theirVersion(item.conflict.theirs) : null;
  const keepMine = write && theirs ? rebased(write, theirs) : null;
  return (
    <li data-testid="failed-write" data-key={item.key}>
      <p>{t('popup_failed_write', item.excerpt)}</p>
      {item.problem && <p class="muted" data-testid="failed-reason">{problemText(item.problem, write && 'body' in write ? write.body : undefined).title}</p>}
      {write && theirs && <Versions mine={write} theirs={theirs} />}
      {write?.type === 'account-patch' && item.conflict && <AccountVersions body={write.body} details={item.conflict.theirs} />}
      {write && draft !== null ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            actions.update({ key: item.key, write: withText(write, draft) }, () => setDraft(null));
          }}
        >
          <label>
            {t('popup_edit_label')}
            <textarea value={draft} rows={3} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} />
          </label>
          <div class="actions">
            <button type="submit" disabled={actions.busy}>{t('popup_save_and_send')}</button>
            <button type="button" onClick={() => setDraft(null)}>{t('popup_cancel_edit')}</button>
          </div>
        </form>
      ) : (
        <div class="actions">
          {keepMine ? (
            <button type="button" disabled={actions.busy} onClick={() => actions.update({ key: item.key, write: keepMine }, () => undefined)}>
              {t('popup_keep_mine')}
            </button>
          ) : (
            <button type="button" disabled={actions.busy} onClick={() => actions.retry(item.key)}>{t('popup_send_again')}</button>
          )}
          {write && !theirs && hasOwnText(write) && <button type="button" onClick={() => setDraft(textOf(write))}>{t('popup_edit')}</button>}
          <button type="button" disabled={actions.busy} onClick={() => actions.discard(item.key)}>
            {theirs ? t('popup_keep_theirs') : t('popup_discard')}
          </button>
        </div>
      )}
    </li>
  );
}

const STATUS = { open: 'popup_status_open', done: 'popup_status_done', cancelled: 'popup_status_cancelled' } as const;
const statusText = (status: string) => (status in STATUS ? t(STATUS[status as keyof typeof STATUS]) : status);

/** A commitment as the user would leave it beside the one the CRM holds now (an account's: `AccountVersions`). */
function Versions({ mine, theirs }: { mine: Write; theirs: TheirVersion }) {
  if (mine.type !== 'commitment-patch') return null;
  const yours = t('popup_commitment_state', mine.body.text ?? theirs.text, statusText(mine.body.status ?? theirs.status));
  const now = t('popup_commitment_state', theirs.text, statusText(theirs.status));
  return (
    <div class="versions">
      <p data-testid="conflict-mine">{t('popup_conflict_mine', yours)}</p>
      <p data-testid="conflict-theirs">{t('popup_conflict_theirs', now)}</p>
    </div>
  );
}
