import { t } from '../../lib/i18n';

/** Grey bars in the shape of the loaded sidebar, in boxes of the same size. */
export function SidebarSkeleton() {
  return (
    <div class="sidebar" aria-busy="true">
      <span class="visually-hidden" role="status">{t('sidebar_loading')}</span>
      <div class="card contact-card" aria-hidden="true">
        <div class="skeleton-bar" style={{ width: '60%', height: '1.1rem' }} />
        <div class="skeleton-bar" style={{ width: '40%' }} />
      </div>
      <div class="card overview" aria-hidden="true">
        {[70, 90, 50, 80, 65].map((width) => (
          <div key={width} class="skeleton-bar" style={{ width: `${width}%` }} />
        ))}
      </div>
    </div>
  );
}
