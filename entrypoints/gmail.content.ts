import { browser } from 'wxt/browser';
import { collapsePreference } from '../lib/content/collapse-preference';
import { runGmailContent } from '../lib/content/gmail-content';
import { GMAIL_HOSTS, matchesOf } from '../lib/mail/sites';
import { onMessage } from '../lib/messaging/channel';
import { ask } from '../lib/ui/ask';

export default defineContentScript({
  matches: matchesOf(GMAIL_HOSTS),
  runAt: 'document_idle',
  main(ctx) {
    const gmail = runGmailContent({
      doc: document,
      signal: ctx.signal,
      sidebarUrl: browser.runtime.getURL('/sidebar.html'),
      lookup: (emails, prefetch) => ask('lookup', prefetch ? { emails, prefetch } : { emails }),
      reportLayout: (failed) => ask('reportLayout', { site: 'gmail', failed }),
      collapsed: collapsePreference,
      warn: (message) => console.warn(message),
    });
    ctx.onInvalidated(onMessage('focusNote', () => gmail.focusNote()));
  },
});
