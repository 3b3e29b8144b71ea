import { useQuery } from '@tanstack/preact-query';
import { Fragment } from 'preact';
import { t } from '../../lib/i18n';
import type { LayoutHealth as Health } from '../../lib/messaging/protocol';
import { ask } from '../../lib/ui/ask';
import { LayoutReportButton } from './layout-report';

const SITE_NAME = { gmail: () => t('site_name_gmail'), outlook: () => t('site_name_outlook') } as const;

/**
 * One line per mail site that was open since the browser started: recognised, or which of the
 * page readers found nothing (what a developer needs to fix the selector table), with the layout
 * report to attach to a bug report.
 */
export function LayoutHealth() {
  const health = useQuery({ queryKey: ['layoutHealth'], queryFn: () => ask('getLayoutHealth'), refetchInterval: 5000 });
  if (!health.data || health.data.length === 0) return null;
  return (
    <ul class="layout-health" data-testid="layout-health" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {health.data.map((site: Health) => (
        <Fragment key={site.site}>
          <li class={site.failed.length > 0 ? 'failed' : 'muted'} data-site={site.site}>
            {site.failed.length > 0
              ? t('popup_layout_failed', SITE_NAME[site.site](), site.failed.join(', '))
              : t('popup_layout_ok', SITE_NAME[site.site]())}
          </li>
          {site.failed.length > 0 && <li><LayoutReportButton site={site.site} siteName={SITE_NAME[site.site]()} /></li>}
        </Fragment>
      ))}
    </ul>
  );
}
