import { browser } from 'wxt/browser';
import { collapsePreference } from '../lib/content/collapse-preference';
import { runOutlookContent } from '../lib/content/outlook-content';
import { OUTLOOK_HOSTS, matchesOf } from '../lib/mail/sites';
import { onMessage } from '../lib/messaging/channel';
import { ask } from '../lib/ui/ask';

export default defineContentScript({
  matches: matchesOf(OUTLOOK_HOSTS),
  runAt: 'document_idle',
  main(ctx) {
    const outlook = runOutlookContent({
      doc: document,
      signal: ctx.signal,
      sidebarUrl: browser.runtime.getURL('/sidebar.html'),
      lookup: (emails, prefetch) => ask('lookup', prefetch ? { emails, prefetch } : { emails }),
      reportLayout: (failed) => ask('reportLayout', { site: 'outlook', failed }),
      collapsed: collapsePreference,
      warn: (message) => console.warn(message),
      // Outlook routes with the History API; WXT's event sees that, and ctx removes it on invalidation.
      subscribeLocation(listener) {
        const stop = new AbortController();
        ctx.addEventListener(window, 'wxt:locationchange', () => { if (!stop.signal.aborted) listener(); });
        return () => stop.abort();
      },
    });
    ctx.onInvalidated(onMessage('focusNote', () => outlook.focusNote()));
  },
});
