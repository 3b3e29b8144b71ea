/**
 * The fixture pages (test/fixtures/gmail/) that the selector table declares. Names only, so the
 * table can say which pages each selector must match without importing any test code.
 */
export const GMAIL_FIXTURES = {
  inboxTabs: 'inbox-default-tabs.html',
  inboxCompact: 'inbox-compact.html',
  search: 'search-results.html',
  threadSingle: 'thread-single-2018.html',
  threadFive: 'thread-five-messages.html',
  threadCc: 'thread-cc-2022.html',
  readingPane: 'reading-pane-right.html',
  conversationOff: 'conversation-view-off.html',
  russian: 'thread-russian-ui.html',
  indonesian: 'inbox-indonesian-ui.html',
  unrecognised: 'unrecognised-layout.html',
} as const;

export type GmailFixture = (typeof GMAIL_FIXTURES)[keyof typeof GMAIL_FIXTURES];
