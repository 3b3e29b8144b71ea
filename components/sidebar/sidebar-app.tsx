import { useQuery } from '@tanstack/preact-query';
import { t } from '../../lib/i18n';
import { ask } from '../../lib/ui/ask';
import { toProblem } from '../../lib/ui/problem-text';
import { useCacheChanges } from '../../lib/ui/use-cache-changes';
import { ProblemView } from '../common/problem-view';
import { LookupResult } from './lookup-result';
import { SidebarSkeleton } from './sidebar-skeleton';

/** The sidebar for one address: loading, a problem with a way out, or the client's context. */
export function SidebarApp({ email }: { email: string | null }) {
  useCacheChanges();
  const lookup = useQuery({
    queryKey: ['lookup', email],
    queryFn: async () => {
      const [item] = await ask('lookup', { emails: [email ?? ''] });
      if (!item) throw new Error('the background answered no result');
      return item;
    },
    enabled: email !== null,
  });

  if (email === null) return <p class="sidebar muted">{t('sidebar_no_email')}</p>;
  if (lookup.isPending || (lookup.isError && lookup.isFetching)) return <SidebarSkeleton />;
  return (
    <main class="sidebar" aria-label={t('sidebar_title')}>
      {lookup.isError ? (
        <ProblemView problem={toProblem(lookup.error)} onRetry={() => void lookup.refetch()} />
      ) : (
        <LookupResult item={lookup.data} onRetry={() => void lookup.refetch()} />
      )}
    </main>
  );
}
