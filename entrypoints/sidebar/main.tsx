// First: must run before any zod schema is built.
import '../../lib/config/zod-jitless';
import { QueryClientProvider } from '@tanstack/preact-query';
import { render } from 'preact';
import '../../components/common/base.css';
import '../../components/sidebar/sidebar.css';
import { SidebarApp } from '../../components/sidebar/sidebar-app';
import { t } from '../../lib/i18n';
import { createQueryClient } from '../../lib/ui/query-client';

const client = createQueryClient();
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('sidebar_title');
render(
  <QueryClientProvider client={client}>
    <SidebarApp />
  </QueryClientProvider>,
  document.getElementById('app') as HTMLElement,
);
