// First: must run before any zod schema is built.
import '../../lib/config/zod-jitless';
import { QueryClientProvider } from '@tanstack/preact-query';
import { render } from 'preact';
import '../../components/common/base.css';
import '../../components/popup/popup.css';
import { PopupApp } from '../../components/popup/popup-app';
import { renderInLanguage } from '../../lib/ui/page-language';
import { createQueryClient } from '../../lib/ui/query-client';

const client = createQueryClient();
// Rendered again in a new language: every component words itself anew, state is kept.
void renderInLanguage(() =>
  render(
    <QueryClientProvider client={client}>
      <PopupApp />
    </QueryClientProvider>,
    document.getElementById('app') as HTMLElement,
  ),
);
