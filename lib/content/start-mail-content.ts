import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { setMessages } from '../i18n';
import type { MailSiteAdapter, SiteThread } from '../mail/site-adapter';
import type { ListRow, ReaderOptions } from '../mail/types';
import { onMessage } from '../messaging/channel';
import { ask } from '../ui/ask';
import { collapsePreference } from './collapse-preference';
import type { LayoutReportSource } from './layout-report';
import { runMailContent } from './run-mail-content';

/** Wires a mail site's content script to the extension: the background, storage, the location and `ctx`. */
export async function startMailContent<Route, Thread extends SiteThread, Row extends ListRow, ReadOpts extends ReaderOptions>(
  ctx: ContentScriptContext,
  site: MailSiteAdapter<Route, Thread, Row, ReadOpts>,
  layout: LayoutReportSource,
): Promise<void> {
  // The words of the language chosen in the settings before anything is worded (the background
  // reads them: this script may not); without an answer the browser's own i18n speaks.
  setMessages(await ask('uiMessages').catch(() => null));
  if (ctx.isInvalid) return;
  const content = runMailContent(site, {
    doc: document,
    signal: ctx.signal,
    sidebarUrl: browser.runtime.getURL('/sidebar.html'),
    lookup: (emails, prefetch) => ask('lookup', prefetch ? { emails, prefetch } : { emails }),
    reportLayout: (failed) => ask('reportLayout', { site: site.site, failed }),
    collapsed: collapsePreference,
    warn: (message) => console.warn(message),
    layoutReport: { ...layout, version: browser.runtime.getManifest().version },
    // A site that routes with the History API hears of it here (Gmail's watcher follows the hash
    // itself and never subscribes); ctx removes the listener on invalidation.
    subscribeLocation(listener) {
      const stop = new AbortController();
      ctx.addEventListener(window, 'wxt:locationchange', () => { if (!stop.signal.aborted) listener(); });
      return () => stop.abort();
    },
  });
  ctx.onInvalidated(onMessage('focusNote', () => content.focusNote()));
  ctx.onInvalidated(onMessage('layoutReport', ({ data }) => content.layoutReport(data.site)));
  ctx.onInvalidated(onMessage('searchMail', ({ data }) => void content.searchMail(String(data?.query ?? ''))));
  ctx.onInvalidated(onMessage('lookupAgain', ({ data }) => content.recheck(Array.isArray(data?.emails) ? data.emails.map(String) : [])));
}
