import { startMailContent } from '../lib/content/start-mail-content';
import { outlookSite } from '../lib/mail/outlook/adapter';
import { OUTLOOK_SELECTORS } from '../lib/mail/outlook/selectors';
import { OUTLOOK_HOSTS, matchesOf } from '../lib/mail/sites';

export default defineContentScript({
  matches: matchesOf(OUTLOOK_HOSTS),
  runAt: 'document_idle',
  main: (ctx) => startMailContent(ctx, outlookSite, { table: OUTLOOK_SELECTORS, regions: ['readingPane', 'messageList'] }),
});
