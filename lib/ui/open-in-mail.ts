import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/channel';
import { t } from '../i18n';

/**
 * Runs the mail site's own search for `query` in the mail tab this page belongs to: the tab the
 * sidebar is framed in, or the popup's active tab. The tab's content script does it
 * (lib/content/run-mail-content.ts); a tab without one (not Gmail or Outlook) answers nothing,
 * which is said in the user's words.
 */
export async function openInMail(query: string): Promise<void> {
  const own = await browser.tabs.getCurrent?.().catch(() => undefined);
  const tabId = own?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  const fail = () => new Error(t('today_no_mail_tab'));
  if (tabId === undefined) throw fail();
  await sendMessage('searchMail', { query }, { tabId, frameId: 0 }).catch(() => {
    throw fail();
  });
}
