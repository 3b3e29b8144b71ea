import { t } from '../../lib/i18n';

/**
 * Grey bars in the shape of the loaded sidebar: the header card has the loaded card's size and
 * the sections below keep their places, so nothing jumps when the data arrives.
 */
export function SidebarSkeleton() {
  return (
    <div class="sidebar" aria-busy="true">
      <span class="visually-hidden" role="status">{t('sidebar_loading')}</span>
      <div class="card contact-card" aria-hidden="true">
        <div class="skeleton-bar" style={{ width: '60%', height: '1.2rem' }} />
        <div class="skeleton-bar" style={{ width: '40%' }} />
        <div class="skeleton-bar" style={{ width: '55%' }} />
        <div class="skeleton-bar" style={{ width: '85%' }} />
        <div class="skeleton-bar" style={{ width: '70%' }} />
        <div class="skeleton-bar" style={{ width: '75%' }} />
      </div>
      {[4, 5, 3].map((lines, i) => (
        <div key={i} class="panel" aria-hidden="true">
          <div class="skeleton-bar" style={{ width: '35%' }} />
          {Array.from({ length: lines }, (_, j) => <div key={j} class="skeleton-bar" style={{ width: `${90 - j * 12}%` }} />)}
        </div>
      ))}
    </div>
  );
}
