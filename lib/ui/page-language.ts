import type { Language } from '../config/languages';
import { fetchMessages, setMessages, uiLanguage } from '../i18n';
import { onMessage, sendMessage } from '../messaging/channel';
import { ask } from './ask';

let render: () => void = () => undefined;

/** Loads the messages of `choice` (none: the browser's language) and renders the page in it. */
async function speak(choice: Language | Promise<Language | undefined> | undefined): Promise<void> {
  // Files that cannot be read leave the browser's own i18n speaking, rather than no page at all.
  setMessages(await fetchMessages(choice).catch(() => null));
  document.documentElement.lang = uiLanguage();
  render();
}

/**
 * Renders an extension page in the language chosen in the settings, else the browser's: its
 * messages are loaded before the first render (`t` stays synchronous), and again, with a new
 * render, whenever the options page changes the language.
 */
export function renderInLanguage(renderPage: () => void): Promise<void> {
  render = renderPage;
  onMessage('languageChanged', ({ data }) => void speak(data.language));
  // The background owns the settings; if it cannot answer, the browser's language is spoken.
  return speak(ask('getSettings').then((s) => s.language, () => undefined));
}

/** After the options page saved a language: this page speaks it at once, and every other open page is told. */
export async function changeLanguage(language: Language | undefined): Promise<void> {
  await speak(language);
  await sendMessage('languageChanged', language ? { language } : {}).catch(() => undefined);
}
