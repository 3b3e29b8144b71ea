// First: must run before any zod schema is built.
import '../../lib/config/zod-jitless';
import { QueryClientProvider } from '@tanstack/preact-query';
import { render } from 'preact';
import '../../components/common/base.css';
import '../../components/sidebar/sidebar.css';
import { SidebarApp } from '../../components/sidebar/sidebar-app';
import { t } from '../../lib/i18n';
import { loadFolds } from '../../lib/sidebar/folds';
import { COMMITMENT_DRAFTS, keepDrafts, NOTE_DRAFTS } from '../../lib/sidebar/kept-drafts';
import { renderInLanguage } from '../../lib/ui/page-language';
import { createQueryClient } from '../../lib/ui/query-client';

const client = createQueryClient();
// Half-written notes and commitments survive the frame (browsers without session storage keep
// them while it lives).
if (browser.storage.session) keepDrafts(browser.storage.session, [NOTE_DRAFTS, COMMITMENT_DRAFTS]);
// The folded sections are read while the messages load, and before the first render: a folded
// section never shows open for a frame.
const folds = loadFolds().catch(() => undefined);
// Rendered again in a new language: every component words itself anew, state is kept.
void renderInLanguage(() => void folds.then(() => {
  document.title = t('sidebar_title');
  render(
    <QueryClientProvider client={client}>
      <SidebarApp />
    </QueryClientProvider>,
    document.getElementById('app') as HTMLElement,
  );
}));
