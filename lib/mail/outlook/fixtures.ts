/**
 * The fixture pages (test/fixtures/outlook/) that the selector table declares. Names only, so the
 * table can say which pages each selector must match without importing any test code.
 */
export const OUTLOOK_FIXTURES = {
  paneRight: 'inbox-pane-right.html',
  paneBottom: 'inbox-pane-bottom.html',
  fullPage: 'reading-full-page.html',
  manyRecipients: 'message-many-recipients.html',
  namesOnly: 'display-names-only.html',
  conversation: 'conversation-several-messages.html',
  dark: 'theme-dark.html',
  romanian: 'ui-romanian.html',
  deeplink: 'deeplink-read.html',
  live2025: 'live-conversation-2025.html',
  office2024: 'office-item-2024.html',
  office2024Cc: 'office-item-cc-2024.html',
  /** Cut down from a real outlook.live.com page of 2025 and anonymised (see the README). */
  capture2025: 'capture-read-live-2025.html',
  /** The same capture edited: a colleague writes, the client is in To. */
  capture2025To: 'capture-read-to-live-2025.html',
  /** The same capture edited: a colleague writes, the client is in Cc. */
  capture2025Cc: 'capture-read-cc-live-2025.html',
  unrecognised: 'unrecognised-layout.html',
} as const;

export type OutlookFixture = (typeof OUTLOOK_FIXTURES)[keyof typeof OUTLOOK_FIXTURES];
