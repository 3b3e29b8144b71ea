import type { MailSiteAdapter } from '../site-adapter';
import type { ListRow, ReaderOptions, ThreadContext } from '../types';
import { bannerSpot, contentColumn, openMessagesText, panelTop } from './anchors';
import { gmailSearchUrl } from '../mail-search';
import { findFirst } from '../query';
import { readOwnAddress } from './read-account';
import { readThread } from './read-thread';
import type { GmailRoute } from './routes';
import { GMAIL_SELECTORS as S } from './selectors';
import { watchGmail } from './watch';

/** Gmail for the mail content script: its watcher (which follows the URL itself), readers and anchors. */
export const gmailSite: MailSiteAdapter<GmailRoute, ThreadContext, ListRow, ReaderOptions> = {
  site: 'gmail',
  watch: watchGmail,
  readThread,
  ownAddresses: (doc) => {
    const own = readOwnAddress(doc);
    return own ? [own] : [];
  },
  roomArea: contentColumn,
  roomTop: panelTop,
  themeFrom: (doc) => findFirst(doc, S.main),
  bannerSpot,
  messagesText: openMessagesText,
  searchUrl: gmailSearchUrl,
};
