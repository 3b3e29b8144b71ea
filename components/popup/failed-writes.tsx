import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { t } from '../../lib/i18n';
import type { OutboxStatus } from '../../lib/messaging/protocol';
import { ask } from '../../lib/ui/ask';
import { problemText } from '../../lib/ui/problem-text';

/** Writes the CRM refused, each with its reason and a choice: send again or discard. */
export function FailedWrites() {
  const queries = useQueryClient();
  const outbox = useQuery({ queryKey: ['outbox'], queryFn: () => ask('getOutboxStatus'), refetchInterval: 5000 });
  const settle = (status: OutboxStatus) => {
    queries.setQueryData(['outbox'], status);
    void queries.invalidateQueries({ queryKey: ['status'] });
  };
  const retry = useMutation({ mutationFn: (key: string) => ask('retryWrite', { key }), onSuccess: settle });
  const discard = useMutation({ mutationFn: (key: string) => ask('discardWrite', { key }), onSuccess: settle });
  const failed = outbox.data?.items.filter((item) => item.state === 'failed') ?? [];
  if (failed.length === 0) return null;
  return (
    <ul class="failed-writes">
      {failed.map((item) => (
        <li key={item.key} data-testid="failed-write">
          <p>{t('popup_failed_write', item.excerpt)}</p>
          {item.problem && <p class="muted">{problemText(item.problem).title}</p>}
          <div class="actions">
            <button type="button" onClick={() => retry.mutate(item.key)} disabled={retry.isPending}>{t('popup_send_again')}</button>
            <button type="button" onClick={() => discard.mutate(item.key)} disabled={discard.isPending}>{t('popup_discard')}</button>
          </div>
        </li>
      ))}
    </ul>
  );
}
