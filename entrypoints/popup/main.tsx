// First: must run before any zod schema is built.
import '../../lib/config/zod-jitless';
import { QueryClientProvider } from '@tanstack/preact-query';
import { render } from 'preact';
import '../../components/common/base.css';
import '../../components/popup/popup.css';
import { PopupApp } from '../../components/popup/popup-app';
import { createQueryClient } from '../../lib/ui/query-client';

document.documentElement.lang = browser.i18n.getUILanguage();
render(
  <QueryClientProvider client={createQueryClient()}>
    <PopupApp />
  </QueryClientProvider>,
  document.getElementById('app') as HTMLElement,
);
