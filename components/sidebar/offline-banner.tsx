import { t } from '../../lib/i18n';
import type { Status } from '../../lib/messaging/protocol';
import { dateFormat } from '../../lib/intl-cache';

/**
 * Shown when the CRM can't be reached but the sidebar still has something to show: what is on
 * screen is the last data the extension received, and new notes wait in the outbox.
 */
export function OfflineBanner({ status }: { status: Status | undefined }) {
  // Shown as soon as any call of the background found the CRM unreachable (it tells the page at
  // once), not only after a save: the first read of a stale answer is enough.
  if (!status?.offline) return null;
  const when = status.lastSyncAt === null ? null
    : dateFormat(document.documentElement.lang || 'en', sameDay(status.lastSyncAt, Date.now()) ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' })
      .format(status.lastSyncAt);
  return (
    <div class="banner" role="status" data-testid="offline">
      <p><span aria-hidden="true">⚡ </span><strong>{t('sidebar_offline')}</strong></p>
      <p class="small">{when === null ? t('sidebar_offline_data') : t('sidebar_offline_data_from', when)}</p>
    </div>
  );
}

const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();
