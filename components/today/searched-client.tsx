import { useQuery } from '@tanstack/preact-query';
import type { LookupMatch } from '../../lib/api';
import { t } from '../../lib/i18n';
import { toProblem } from '../../lib/messaging/problem-error';
import { ask } from '../../lib/ui/ask';
import { ProblemView } from '../common/problem-view';
import { ClientView } from '../sidebar/client-view';
import '../sidebar/sidebar.css';

type Known = Extract<LookupMatch, { match: 'contact' | 'account-domain' }>;

/**
 * A client found by search or picked from Today, shown in the sidebar's own client view without
 * an email open: as its first person (or its account alone when it has nobody on file).
 */
export function SearchedClient({ accountId, onBack }: { accountId: string; onBack: () => void }) {
  const detail = useQuery({ queryKey: ['account', accountId], queryFn: () => ask('getAccount', { accountId }) });
  const status = useQuery({ queryKey: ['status'], queryFn: () => ask('getStatus') });
  const back = <button type="button" onClick={onBack} data-testid="today-back">{t('search_back')}</button>;
  if (detail.isPending) return <>{back}<p class="muted" aria-busy="true">{t('today_loading')}</p></>;
  if (detail.isError) return <>{back}<ProblemView problem={toProblem(detail.error)} onRetry={() => void detail.refetch()} /></>;
  const { summary, contacts } = detail.data.value;
  const first = contacts[0];
  const item: Known = first
    ? { match: 'contact', email: first.emails[0] ?? '', contact: { id: first.id, name: first.name, role: first.role }, account: summary }
    : { match: 'account-domain', email: summary.name, account: summary };
  return (
    <div class="sidebar searched-client" data-testid="searched-client">
      {back}
      <ClientView scope={`client:${accountId}`} item={item} context={null} user={status.data?.user?.user ?? null} people={null} />
    </div>
  );
}
