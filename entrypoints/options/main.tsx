// First: must run before any zod schema is built.
import '../../lib/config/zod-jitless';
import { QueryClientProvider } from '@tanstack/preact-query';
import { render } from 'preact';
import '../../components/common/base.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/options-app';
import { t } from '../../lib/i18n';
import { renderInLanguage } from '../../lib/ui/page-language';
import { createQueryClient } from '../../lib/ui/query-client';

const client = createQueryClient();
// Rendered again in a new language: every component words itself anew, state is kept.
void renderInLanguage(() => {
  document.title = t('options_title');
  render(
    <QueryClientProvider client={client}>
      <OptionsApp />
    </QueryClientProvider>,
    document.getElementById('app') as HTMLElement,
  );
});
