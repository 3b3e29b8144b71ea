import { useQuery } from '@tanstack/preact-query';
import { t, uiLanguage } from '../../lib/i18n';
import { ask } from '../../lib/ui/ask';
import { toProblem } from '../../lib/messaging/problem-error';
import { relativeTime } from '../../lib/ui/relative-time';
import { useCacheChanges } from '../../lib/ui/use-cache-changes';
import { ProblemView } from '../common/problem-view';
import { SettingsLink } from '../common/settings-link';
import { TodayLoader } from '../today/today-loader';
import { FailedWrites } from './failed-writes';
import { LayoutHealth } from './layout-health';

/** Connection, who is signed in, writes waiting or failed, and the last sync. */
export function PopupApp() {
  useCacheChanges();
  const status = useQuery({ queryKey: ['status'], queryFn: () => ask('getStatus'), refetchInterval: 5000 });
  if (status.isPending) return <div class="popup" aria-busy="true" />;
  if (status.isError) {
    return <div class="popup"><ProblemView problem={toProblem(status.error)} onRetry={() => void status.refetch()} /></div>;
  }
  const s = status.data;
  const locale = uiLanguage();
  return (
    <main class="popup">
      {s.connected ? (
        <p class="state" data-testid="connection"><span class="dot on" aria-hidden="true" />{t('popup_connected', s.apiUrl)}</p>
      ) : (
        s.problem && <ProblemView problem={s.problem} onRetry={() => void status.refetch()} busy={status.isFetching} />
      )}
      {s.user && <p data-testid="user">{t('popup_signed_in', s.user.user.name, s.user.team.name)}</p>}
      <p data-testid="pending">{t('popup_pending', s.pending)}</p>
      {s.failed > 0 && <p class="failed" data-testid="failed">{t('popup_failed', s.failed)}</p>}
      {s.failed > 0 && <FailedWrites />}
      <LayoutHealth />
      <p class="muted">{s.lastSyncAt ? t('popup_last_sync', relativeTime(s.lastSyncAt, Date.now(), locale)) : t('popup_never_synced')}</p>
      <SettingsLink label={t('popup_settings')} />
      {s.configured && <TodayLoader />}
    </main>
  );
}
