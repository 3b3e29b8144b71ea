import type { SelectorEntry } from '../selector-table';
import { OUTLOOK_FIXTURES as F, type OutlookFixture } from './fixtures';

/**
 * Every selector the Outlook readers and the watcher use, in one table. Outlook's class names
 * are generated per build, and its aria-labels are translated into the UI language, so neither
 * appears here (an `@` inside a tooltip is the address itself, not a label). Fallbacks go in order
 * of preference: what the live pages of 2024-2025 carry first (the Live Persona Card's
 * `lpcCommonWeb-hoverTarget` spans, `data-testid="RecipientWell"` and `"SentReceivedSavedTime"`,
 * the `MessageList` wrapper around the listbox), then Outlook's own element ids
 * (`ReadingPaneContainerId`, `MSG_…_FROM`, `CONV_…_SUBJECT`), its `data-app-section`/`data-convid`
 * hooks, ARIA roles and structure. Each entry names the fixture pages it must match; a test fails
 * when a fallback matches none of its declared pages.
 *
 * `seen` says where each fallback was met: `live` for the structure of the live pages the
 * `*-2024`/`*-2025` fixtures are modelled on (test/fixtures/outlook/README.md names the public
 * sources), `hand-built` for a structure only the hand-built fixtures show, kept for layouts no
 * live page has shown us yet. `seenIn` names the captured pages (`capture-*.html`: real pages,
 * cut down and anonymised, with their source in the README) where a `live` fallback was met.
 */
export interface OutlookSelectorEntry extends SelectorEntry<OutlookFixture> {
  purpose: string;
  fallbacks: readonly (SelectorEntry['fallbacks'][number] & { seen: Seen; seenIn?: readonly Capture[] })[];
}

/** The captured pages; the edited copies of a capture count as the capture. */
type Capture = typeof F.capture2025;
const CAPTURED = [F.capture2025] as const;

/** Where a fallback was met: the live pages' structure, or only the hand-built fixtures. */
type Seen = 'live' | 'hand-built';

/** The hand-built pages: reconstructions from descriptions (see the fixtures' README). */
const HAND_WITH_LIST = [F.paneRight, F.paneBottom, F.manyRecipients, F.namesOnly, F.conversation, F.dark, F.romanian];
const HAND_READING = [...HAND_WITH_LIST, F.fullPage, F.deeplink];
/** The pages modelled on live Outlook of 2024 and 2025. */
const LIVE = [F.live2025, F.office2024, F.office2024Cc, F.capture2025, F.capture2025To, F.capture2025Cc];
const WITH_LIST = [...HAND_WITH_LIST, ...LIVE];
const READING = [...HAND_READING, ...LIVE];
/** Pages whose subject heading carries Outlook's CONV_<id>_SUBJECT id (the older build's does not). */
const CONV_IDS = HAND_READING.filter((f) => f !== F.deeplink && f !== F.romanian);

export const OUTLOOK_SELECTORS = {
  messageList: {
    name: 'messageList',
    purpose: 'the message list; scope of row reads and of the pane setting (its box against the pane\'s)',
    fallbacks: [
      // The live pages put data-app-section="MessageList" on a wrapper around the listbox.
      { css: '[data-app-section="MessageList"] [role="listbox"]', seen: 'live', seenIn: CAPTURED },
      { css: '[role="listbox"][data-app-section="MessageList"]', seen: 'hand-built' },
      { css: '#MailList [role="listbox"]', seen: 'hand-built' }, // builds without data-app-section
      // Structure only: the listbox whose options are conversations (search suggestions are not).
      { css: '[role="listbox"]:has([role="option"][data-convid])', seen: 'hand-built' },
    ],
    fixtures: WITH_LIST,
  },
  listRow: {
    name: 'listRow',
    purpose: 'one conversation (or message) row of the list',
    fallbacks: [
      { css: '[role="option"][data-convid]', attr: 'data-convid', seen: 'live', seenIn: CAPTURED },
      { css: '[role="option"][data-focusable-row]', attr: 'id', seen: 'hand-built' }, // row without data-convid: its id is the item id
    ],
    fixtures: WITH_LIST,
  },
  selectedRow: {
    name: 'selectedRow',
    purpose: 'the selected row; its data-convid names the conversation open in the reading pane',
    fallbacks: [
      { css: '[role="option"][aria-selected="true"][data-convid]', attr: 'data-convid', seen: 'live', seenIn: CAPTURED },
      { css: '[role="option"][aria-selected="true"][data-focusable-row]', attr: 'id', seen: 'hand-built' },
    ],
    fixtures: WITH_LIST,
  },
  rowSender: {
    name: 'rowSender',
    purpose: 'a sender shown in a row: the name is the text, the address is the tooltip',
    fallbacks: [
      { css: 'span[title*="@"]', attr: 'title', seen: 'live', seenIn: CAPTURED },
      { css: '[title*="@"]', attr: 'title', seen: 'hand-built' }, // a build that puts the tooltip on a div or button
    ],
    fixtures: WITH_LIST,
  },
  readingPane: {
    name: 'readingPane',
    purpose: 'the reading pane (beside, below or instead of the list); scope of the pane observer',
    fallbacks: [
      { css: '#ReadingPaneContainerId', seen: 'live', seenIn: CAPTURED },
      { css: '[data-app-section="MailReadCompose"]', seen: 'live', seenIn: CAPTURED },
      { css: '#ItemReadingPaneContainer', seen: 'live', seenIn: CAPTURED }, // the deep-link read view has no outer pane
      // The role the accessibility tree shows for the pane; in some builds it also wraps the list.
      { css: '[role="main"]', seen: 'live', seenIn: CAPTURED },
    ],
    fixtures: READING,
  },
  conversation: {
    name: 'conversation',
    purpose: 'the open conversation, or the single item of a read view without conversations',
    fallbacks: [
      { css: '#ConversationReadingPaneContainer', seen: 'live' },
      { css: '[data-app-section="ConversationContainer"]', seen: 'live' },
      { css: '#ItemReadingPaneContainer', seen: 'live', seenIn: CAPTURED }, // a message opened with conversations off
    ],
    fixtures: READING,
  },
  subject: {
    name: 'subject',
    purpose: 'the subject heading; its title attribute holds the full subject even when the text is cut',
    fallbacks: [
      { css: '[id^="CONV_"][id$="_SUBJECT"]', attr: 'title', seen: 'hand-built' },
      { css: '[role="heading"][aria-level="2"] span[title]', attr: 'title', seen: 'live', seenIn: CAPTURED },
    ],
    fixtures: READING,
  },
  conversationId: {
    name: 'conversationId',
    purpose: 'the conversation id in the subject heading\'s own id, for when no row is selected and the URL has none',
    fallbacks: [{ css: '[id^="CONV_"][id$="_SUBJECT"]', attr: 'id', seen: 'hand-built' }],
    fixtures: CONV_IDS,
  },
  messageItem: {
    name: 'messageItem',
    purpose: 'one message of the conversation, expanded or collapsed; only an element holding a sender or a date counts',
    fallbacks: [
      { css: '[role="listitem"]', seen: 'hand-built' },
      { css: '[data-app-section="ItemContainer"]', seen: 'live', seenIn: CAPTURED }, // single-item view: conversation view off, deep link
      // The live conversation: each message is a grandchild of the container, with no role of its own.
      { css: '[data-app-section="ConversationContainer"] > div > div', seen: 'live' },
    ],
    fixtures: [...HAND_READING, F.live2025, F.capture2025, F.capture2025To, F.capture2025Cc],
  },
  messageSender: {
    name: 'messageSender',
    purpose: 'the sender of a message: the persona-card target outside the recipient well (live), or the header\'s sender block',
    fallbacks: [
      // Its text is "Name<address>", its aria-label "<From, translated>: Name"; the recipients' targets
      // look the same, so the readers leave out those inside recipientWell.
      { css: '.lpcCommonWeb-hoverTarget[data-lpc-hover-target-id]', seen: 'live', seenIn: CAPTURED },
      { css: '[id^="MSG_"][id$="_FROM"]', attr: 'id', seen: 'hand-built' },
      { css: '[data-testid="SenderPersona"]', seen: 'hand-built' },
    ],
    fixtures: READING,
  },
  recipientWell: {
    name: 'recipientWell',
    purpose: 'the To and Cc people of an expanded message, To first; each group opens with its translated label',
    fallbacks: [{ css: '[data-testid="RecipientWell"]', seen: 'live', seenIn: CAPTURED }],
    fixtures: LIVE,
  },
  toLine: {
    name: 'toLine',
    purpose: 'the To recipients of an expanded message, where the header gives them an id of their own',
    fallbacks: [{ css: '[id^="MSG_"][id$="_TO"]', seen: 'hand-built' }],
    fixtures: HAND_READING,
  },
  ccLine: {
    name: 'ccLine',
    purpose: 'the Cc recipients of an expanded message (absent when there are none), where the header gives them an id',
    fallbacks: [{ css: '[id^="MSG_"][id$="_CC"]', seen: 'hand-built' }],
    fixtures: [F.paneBottom, F.manyRecipients, F.namesOnly, F.conversation, F.romanian],
  },
  persona: {
    name: 'persona',
    purpose: 'one person inside a From/To/Cc block (the label "To:" etc. is outside it)',
    fallbacks: [
      { css: '.lpcCommonWeb-hoverTarget', seen: 'live', seenIn: CAPTURED }, // the persona card library's own class, not a generated one
      { css: '.lpc-hoverTarget', seen: 'hand-built' },
      { css: 'span[title], button[title]', seen: 'hand-built' },
    ],
    fixtures: READING,
  },
  sentTime: {
    name: 'sentTime',
    purpose: 'when a message was sent, as the header writes it (the UI\'s language and format)',
    fallbacks: [
      { css: '[data-testid="SentReceivedSavedTime"]', seen: 'live', seenIn: CAPTURED },
      { css: '[id^="MSG_"][id$="_DATETIME"]', seen: 'hand-built' },
    ],
    fixtures: READING,
  },
  accountButton: {
    name: 'accountButton',
    purpose: 'the account manager button in the top bar; only an address inside its label is read, never its words',
    // The captured page's label names the user without the address ("Account manager for <name>").
    fallbacks: [{ css: '#O365_MainLink_Me', attr: 'aria-label', seen: 'live', seenIn: CAPTURED }],
    fixtures: [...HAND_WITH_LIST, F.fullPage, ...LIVE],
  },
  appRailAccount: {
    name: 'appRailAccount',
    purpose: "the mail app's icon in the left app rail, whose tooltip is the signed-in mailbox's address",
    fallbacks: [{ css: '#LeftRail [role="menuitem"] img[title*="@"]', attr: 'title', seen: 'live', seenIn: CAPTURED }],
    fixtures: [F.capture2025, F.capture2025To, F.capture2025Cc],
  },
  accountName: {
    name: 'accountName',
    purpose: "the signed-in user's display name: the account button's own text (not its label), for leaving the user out of people shown by name only",
    // The first span holds the name; the initials are in a div of their own.
    fallbacks: [{ css: '#O365_MainLink_Me span', seen: 'live', seenIn: CAPTURED }],
    fixtures: [F.capture2025, F.capture2025To, F.capture2025Cc],
  },
  mailboxRoot: {
    name: 'mailboxRoot',
    purpose: "the folder tree's node of the signed-in mailbox, whose element id ends in its address",
    // On the captured 2025 page the id ends in an id of the form <hex>@<tenant id>, not an address.
    fallbacks: [{ css: '[role="treeitem"][id^="primaryMailboxRoot_"]', attr: 'id', seen: 'live', seenIn: CAPTURED }],
    fixtures: [F.office2024, F.office2024Cc, F.capture2025],
  },
  accountRoot: {
    name: 'accountRoot',
    purpose: "the folder tree's top node, when its tooltip is the signed-in mailbox's address",
    fallbacks: [
      // Only the top level: lower nodes are folders, and other mailboxes the user merely opened.
      { css: '[role="tree"] [role="treeitem"][aria-level="1"][title*="@"]', attr: 'title', seen: 'hand-built' },
    ],
    fixtures: [...HAND_WITH_LIST, F.fullPage],
  },
  messageBody: {
    name: 'messageBody',
    purpose: 'the body of an expanded message; a message without one is collapsed',
    fallbacks: [
      { css: '[id^="UniqueMessageBody"]', seen: 'live', seenIn: CAPTURED },
      { css: '[role="document"]', seen: 'live', seenIn: CAPTURED },
    ],
    fixtures: READING,
  },
} as const satisfies Record<string, OutlookSelectorEntry>;

export type OutlookSelectorName = keyof typeof OUTLOOK_SELECTORS;
