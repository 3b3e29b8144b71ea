import type { SidebarContext } from '../../lib/mail/sidebar-context';
import { t } from '../../lib/i18n';
import { useLookup } from '../../lib/ui/sidebar-queries';
import { useCacheChanges } from '../../lib/ui/use-cache-changes';
import { useSidebarSource } from '../../lib/ui/use-sidebar-source';
import { useTheme } from '../../lib/ui/use-theme';
import { SidebarSkeleton } from './sidebar-skeleton';
import { ThreadView } from './thread-view';

/**
 * Until the content script's channel is proven and hands the thread over: the skeleton, while
 * the lookup of the thread in the URL (if any) is already on its way, so a thread handed over
 * as it was created shows no later than before. Nothing of that lookup is shown from here.
 */
function Waiting({ hint }: { hint: SidebarContext | null }) {
  useLookup(hint?.participants.map((p) => p.email) ?? []);
  return <SidebarSkeleton />;
}

/**
 * The sidebar: shows the thread handed over by the mail page's content script. The view
 * stays mounted from thread to thread, the client view too; what belongs to one thread and person
 * is kept apart by that scope (the person picked, a half-written note, a form left open, the
 * writes queued and their outcome) and never shown for another.
 */
export function SidebarApp() {
  useCacheChanges();
  const source = useSidebarSource();
  useTheme(source.kind === 'thread' ? source.context.theme : source.kind === 'waiting' ? source.hint?.theme : undefined);
  if (source.kind === 'waiting') return <Waiting hint={source.hint} />;
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
