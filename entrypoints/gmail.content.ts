import { startMailContent } from '../lib/content/start-mail-content';
import { gmailSite } from '../lib/mail/gmail/adapter';
import { GMAIL_SELECTORS } from '../lib/mail/gmail/selectors';
import { GMAIL_HOSTS, matchesOf } from '../lib/mail/sites';

export default defineContentScript({
  matches: matchesOf(GMAIL_HOSTS),
  runAt: 'document_idle',
  main: (ctx) => startMailContent(ctx, gmailSite, { table: GMAIL_SELECTORS, regions: ['main'] }),
});
