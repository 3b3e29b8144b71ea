import { outlookSearchUrl } from '../mail-search';
import type { MailSiteAdapter } from '../site-adapter';
import { mailArea, outlookBannerSpot, outlookMessagesText, panelTop } from './anchors';
import { readOwnAddresses } from './read-account';
import { readThread, type OutlookReaderOptions } from './read-thread';
import type { OutlookRoute } from './routes';
import { readingPaneOf } from './scope';
import type { OutlookListRow, OutlookThreadContext } from './types';
import { watchOutlook } from './watch';

/**
 * Outlook on the web for the mail content script: its watcher (the History API's location
 * changes come through `subscribeLocation`), readers and anchors; the sidebar sits beside the
 * reading pane whatever the pane setting.
 */
export const outlookSite: MailSiteAdapter<OutlookRoute, OutlookThreadContext, OutlookListRow, OutlookReaderOptions> = {
  site: 'outlook',
  watch: watchOutlook,
  readThread,
  // The signed-in mailbox, and a shared mailbox the route names.
  ownAddresses: readOwnAddresses,
  roomArea: mailArea,
  roomTop: panelTop,
  themeFrom: readingPaneOf,
  bannerSpot: outlookBannerSpot,
  messagesText: outlookMessagesText,
  searchUrl: outlookSearchUrl,
};
