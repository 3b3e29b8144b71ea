import type { SelectorEntry } from '../selector-table';
import { OUTLOOK_FIXTURES as F, type OutlookFixture } from './fixtures';

/**
 * Every selector the Outlook readers and the watcher use, in one table. Outlook's class names
 * are generated per build, and its aria-labels are translated into the UI language, so neither
 * appears here (an `@` inside a tooltip is the address itself, not a label). Fallbacks go in order
 * of preference: Outlook's own element ids (`ReadingPaneContainerId`, `MSG_…_FROM`,
 * `CONV_…_SUBJECT`), its `data-app-section`/`data-convid`/`data-testid` hooks, ARIA roles and
 * structure, and the Live Persona Card's semantic `lpc-hoverTarget` class. Each entry names the
 * fixture pages it must match; a test fails when a fallback matches none of its declared pages.
 */
export interface OutlookSelectorEntry extends SelectorEntry<OutlookFixture> {
  purpose: string;
}

const WITH_LIST = [F.paneRight, F.paneBottom, F.manyRecipients, F.namesOnly, F.conversation, F.dark, F.romanian];
const READING = [...WITH_LIST, F.fullPage, F.deeplink];
/** Pages whose subject heading carries Outlook's CONV_<id>_SUBJECT id (the older build's does not). */
const CONV_IDS = READING.filter((f) => f !== F.deeplink && f !== F.romanian);

export const OUTLOOK_SELECTORS = {
  messageList: {
    name: 'messageList',
    purpose: 'the message list; scope of row reads and of the pane setting (its box against the pane\'s)',
    fallbacks: [
      { css: '[role="listbox"][data-app-section="MessageList"]' },
      { css: '#MailList [role="listbox"]' }, // builds without data-app-section on the listbox
      // Structure only: the listbox whose options are conversations (search suggestions are not).
      { css: '[role="listbox"]:has([role="option"][data-convid])' },
    ],
    fixtures: WITH_LIST,
  },
  listRow: {
    name: 'listRow',
    purpose: 'one conversation (or message) row of the list',
    fallbacks: [
      { css: '[role="option"][data-convid]', attr: 'data-convid' },
      { css: '[role="option"][data-focusable-row]', attr: 'id' }, // row without data-convid: its id is the item id
    ],
    fixtures: WITH_LIST,
  },
  selectedRow: {
    name: 'selectedRow',
    purpose: 'the selected row; its data-convid names the conversation open in the reading pane',
    fallbacks: [
      { css: '[role="option"][aria-selected="true"][data-convid]', attr: 'data-convid' },
      { css: '[role="option"][aria-selected="true"][data-focusable-row]', attr: 'id' },
    ],
    fixtures: WITH_LIST,
  },
  rowSender: {
    name: 'rowSender',
    purpose: 'a sender shown in a row: the name is the text, the address is the tooltip',
    fallbacks: [
      { css: 'span[title*="@"]', attr: 'title' },
      { css: '[title*="@"]', attr: 'title' }, // a build that puts the tooltip on a div or button
    ],
    fixtures: WITH_LIST,
  },
  readingPane: {
    name: 'readingPane',
    purpose: 'the reading pane (beside, below or instead of the list); scope of the pane observer',
    fallbacks: [
      { css: '#ReadingPaneContainerId' },
      { css: '[data-app-section="MailReadCompose"]' },
      { css: '#ItemReadingPaneContainer' }, // the deep-link read view has no outer pane
      // The role the accessibility tree shows for the pane; in some builds it also wraps the list.
      { css: '[role="main"]' },
    ],
    fixtures: READING,
  },
  conversation: {
    name: 'conversation',
    purpose: 'the open conversation, or the single item of the deep-link read view',
    fallbacks: [
      { css: '#ConversationReadingPaneContainer' },
      { css: '[data-app-section="ConversationContainer"]' },
      { css: '#ItemReadingPaneContainer' },
    ],
    fixtures: READING,
  },
  subject: {
    name: 'subject',
    purpose: 'the subject heading; its title attribute holds the full subject even when the text is cut',
    fallbacks: [
      { css: '[id^="CONV_"][id$="_SUBJECT"]', attr: 'title' },
      { css: '[role="heading"][aria-level="2"] span[title]', attr: 'title' },
    ],
    fixtures: READING,
  },
  conversationId: {
    name: 'conversationId',
    purpose: 'the conversation id in the subject heading\'s own id, for when no row is selected and the URL has none',
    fallbacks: [{ css: '[id^="CONV_"][id$="_SUBJECT"]', attr: 'id' }],
    fixtures: CONV_IDS,
  },
  messageItem: {
    name: 'messageItem',
    purpose: 'one message of the conversation, expanded or collapsed',
    fallbacks: [
      { css: '[role="listitem"]' },
      { css: '[data-app-section="ItemContainer"]' }, // single-item view: conversation view off, deep link
    ],
    fixtures: READING,
  },
  messageSender: {
    name: 'messageSender',
    purpose: "the sender block of a message header (expanded: MSG_<id>_FROM; collapsed: the persona)",
    fallbacks: [
      { css: '[id^="MSG_"][id$="_FROM"]', attr: 'id' },
      { css: '[data-testid="SenderPersona"]' },
    ],
    fixtures: READING,
  },
  toLine: {
    name: 'toLine',
    purpose: 'the To recipients of an expanded message',
    fallbacks: [{ css: '[id^="MSG_"][id$="_TO"]' }],
    fixtures: READING,
  },
  ccLine: {
    name: 'ccLine',
    purpose: 'the Cc recipients of an expanded message (absent when there are none)',
    fallbacks: [{ css: '[id^="MSG_"][id$="_CC"]' }],
    fixtures: [F.paneBottom, F.manyRecipients, F.namesOnly, F.conversation, F.romanian],
  },
  persona: {
    name: 'persona',
    purpose: 'one person inside a From/To/Cc block (the label "To:" etc. is outside it)',
    fallbacks: [
      { css: '.lpc-hoverTarget' }, // the persona card library's own class, not a generated one
      { css: 'span[title], button[title]' },
    ],
    fixtures: READING,
  },
  accountRoot: {
    name: 'accountRoot',
    purpose: "the folder tree's top node, the signed-in mailbox, whose tooltip is its address",
    fallbacks: [
      // Only the top level: lower nodes are folders, and other mailboxes the user merely opened.
      { css: '[role="tree"] [role="treeitem"][aria-level="1"][title*="@"]', attr: 'title' },
    ],
    fixtures: [...WITH_LIST, F.fullPage],
  },
  messageBody: {
    name: 'messageBody',
    purpose: 'the body of an expanded message; a message without one is collapsed',
    fallbacks: [{ css: '[id^="UniqueMessageBody"]' }, { css: '[role="document"]' }],
    fixtures: READING,
  },
} as const satisfies Record<string, OutlookSelectorEntry>;

export type OutlookSelectorName = keyof typeof OUTLOOK_SELECTORS;
