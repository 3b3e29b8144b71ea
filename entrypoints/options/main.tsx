// First: must run before any zod schema is built.
import '../../lib/config/zod-jitless';
import { QueryClientProvider } from '@tanstack/preact-query';
import { render } from 'preact';
import '../../components/common/base.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/options-app';
import { t } from '../../lib/i18n';
import { createQueryClient } from '../../lib/ui/query-client';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('options_title');
render(
  <QueryClientProvider client={createQueryClient()}>
    <OptionsApp />
  </QueryClientProvider>,
  document.getElementById('app') as HTMLElement,
);
