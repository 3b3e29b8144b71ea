import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/channel';

/** The `commands` entry in wxt.config.ts; users can change its keys at chrome://extensions/shortcuts. */
export const FOCUS_NOTE_COMMAND = 'focus-note';

/**
 * Hands the "write a note" shortcut to the mail tab it was pressed in: only the tab's top frame,
 * where the content script hosts the sidebar. A tab without our content script simply does not
 * answer, which is not an error.
 */
export function listenForNoteShortcut(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== FOCUS_NOTE_COMMAND) return;
    void (async () => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId === undefined) return;
      await sendMessage('focusNote', undefined, { tabId, frameId: 0 }).catch(() => undefined);
    })();
  });
}
