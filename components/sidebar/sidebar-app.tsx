import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { SidebarContext } from '../../lib/messaging/sidebar-context';
import { useCacheChanges } from '../../lib/ui/use-cache-changes';
import { useSidebarSource } from '../../lib/sidebar/use-source';
import { useTheme } from '../../lib/sidebar/use-theme';
import { TodayLoader } from '../today/today-loader';
import { SidebarSkeleton } from './sidebar-skeleton';
import { ThreadView } from './thread-view';

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

  // "Today" over the thread, until the user goes back to it; with no email open it is all there is.
  const [today, setToday] = useState(false);

  // Hidden beside the list until the next thread: empty, so it costs nothing meanwhile (Today
  // asked for and drawn there would only hold up the next thread).
  if (source.kind === 'parked') return <main class="sidebar" aria-label={t('sidebar_title')} data-testid="sidebar-parked" />;
  if (source.kind === 'none' || today) {
    return (
      <main class="sidebar" aria-label={t('sidebar_title')}>
        {!today && <p class="note-box muted">{t('sidebar_no_email')}</p>}
        <TodayLoader onBack={today ? () => setToday(false) : undefined} />
      </main>
    );
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
  if (source.kind === 'waiting' && !source.hint) return <SidebarSkeleton />;
  // Until the content script's channel is proven and hands the thread over, the thread in the
  // URL (which the mail page may have chosen) is looked up and drawn unseen and out of reach
  // (hidden, inert) behind the skeleton: a thread handed over as the frame was created then
  // only has to be uncovered. A different one is drawn over it in place.
  const waiting = source.kind === 'waiting';
  return (
    <>
      {!waiting && <button type="button" class="today-button" onClick={() => setToday(true)} aria-label={t('today_button_label')}>{t('today_button')}</button>}
      {waiting && <SidebarSkeleton />}
      <div class={waiting ? 'unproven' : undefined} inert={waiting} aria-hidden={waiting || undefined}>
        <ThreadView source={waiting ? { kind: 'thread', context: source.hint as SidebarContext } : source} />
      </div>
    </>
  );
}
