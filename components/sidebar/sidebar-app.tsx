import { t } from '../../lib/i18n';
import { sourceKey } from '../../lib/sidebar/source';
import { useCacheChanges } from '../../lib/ui/use-cache-changes';
import { useSidebarSource } from '../../lib/ui/use-sidebar-source';
import { useTheme } from '../../lib/ui/use-theme';
import { ThreadView } from './thread-view';

/** The sidebar: reads what to show from the URL and starts afresh for each thread. */
export function SidebarApp() {
  useCacheChanges();
  const source = useSidebarSource();
  useTheme(source.kind === 'thread' ? source.context.theme : undefined);
  if (source.kind === 'none') {
    return <main class="sidebar" aria-label={t('sidebar_title')}><p class="note-box muted">{t('sidebar_no_email')}</p></main>;
  }
  if (source.kind === 'unreadable') {
    return (
      <main class="sidebar" aria-label={t('sidebar_title')}>
        <div class="note-box" role="status" data-testid="layout-unrecognised">
          <h1>{t('sidebar_layout_heading')}</h1>
          <p>{t('sidebar_layout_detail')}</p>
        </div>
      </main>
    );
  }
  return <ThreadView key={sourceKey(source)} source={source} />;
}
