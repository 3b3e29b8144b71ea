import { t } from '../../lib/i18n';
import { useCacheChanges } from '../../lib/ui/use-cache-changes';
import { useSidebarSource } from '../../lib/ui/use-sidebar-source';
import { useTheme } from '../../lib/ui/use-theme';
import { ThreadView } from './thread-view';

/**
 * The sidebar: shows the thread handed over by the page (or the address in the URL). The view
 * stays mounted from thread to thread, the client view too; what belongs to one thread and person
 * is kept apart by that scope (the person picked, a half-written note, a form left open, the
 * writes queued and their outcome) and never shown for another.
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
