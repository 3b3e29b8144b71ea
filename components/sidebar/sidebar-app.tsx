import { t } from '../../lib/i18n';
import { useCacheChanges } from '../../lib/ui/use-cache-changes';
import { useSidebarSource } from '../../lib/ui/use-sidebar-source';
import { useTheme } from '../../lib/ui/use-theme';
import { ThreadView } from './thread-view';

/**
 * The sidebar: shows the thread handed over by the page (or the address in the URL). The view
 * stays mounted from thread to thread; what belongs to one thread or one client starts afresh
 * (the thread view forgets the person picked; the person view is keyed by thread and person).
 */
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
  return <ThreadView source={source} />;
}
