import type { SelectorEntry } from '../selector-table';
import { GMAIL_FIXTURES as F, type GmailFixture } from './fixtures';

/**
 * Every selector the Gmail readers, the watcher and the content script use, in one table. Gmail's
 * class names are generated and change without notice, so each entry lists fallbacks in order of
 * preference: stable hooks first (the `email` attribute, `data-*-id`, `role`, Gmail's own `gh`
 * hooks), then the class names of the layouts Gmail has shipped, newest first. Each entry names
 * the fixture pages it must match; a test fails when a fallback matches none of them.
 *
 * What an entry is for is said in a comment above it, and which layout a fallback exists for (and
 * which real page showed it, test/fixtures/gmail/README.md) in a comment after it, kept so dead
 * ones can be dropped knowingly: the table ships in the content script, whose size is budgeted,
 * and nothing reads those texts at run time.
 */
export type GmailSelectorEntry = SelectorEntry<GmailFixture>;

const THREADS = [F.threadSingle, F.threadFive, F.threadCc, F.readingPane, F.conversationOff, F.russian];
const LISTS = [F.inboxTabs, F.inboxCompact, F.search, F.readingPane, F.conversationOff, F.indonesian];

export const GMAIL_SELECTORS = {
  /** The region Gmail marks role=main (the view being shown); keeps toolbars and side panels out of reads. */
  main: {
    name: 'main',
    fallbacks: [{ css: '[role="main"]' }],
    fixtures: [...THREADS, ...LISTS],
  },
  /** The content column holding the main region, which makes room for the sidebar (every layout since 2018). */
  contentColumn: {
    name: 'contentColumn',
    fallbacks: [{ css: '.bkK' }],
    fixtures: [...THREADS, ...LISTS],
  },
  /** The open conversation (also inside the reading pane); scope of thread reads and of the thread observer. */
  threadContainer: {
    name: 'threadContainer',
    fallbacks: [
      { css: 'div.a98.iY' }, // layout of 2023-11
      { css: 'div.PeIF1d' }, // layout of 2022-10
      { css: 'div.nH.if' }, // new Gmail of 2018
    ],
    fixtures: [F.threadFive, F.threadSingle, F.threadCc, F.readingPane, F.conversationOff, F.russian],
  },
  /** The subject heading of the open thread. */
  threadSubject: {
    name: 'threadSubject',
    fallbacks: [
      { css: 'h2[data-thread-perm-id]' },
      { css: 'h2[data-legacy-thread-id]' },
      { css: 'h2.hP' },
      { css: '.ha h2' },
    ],
    fixtures: THREADS,
  },
  /** The thread id; the legacy hex id first because list rows carry the same one. */
  threadId: {
    name: 'threadId',
    fallbacks: [
      { css: '[data-legacy-thread-id]', attr: 'data-legacy-thread-id' },
      { css: '[data-thread-perm-id]', attr: 'data-thread-perm-id' },
    ],
    fixtures: THREADS,
  },
  /** One message of the thread, expanded or collapsed. */
  messageItem: {
    name: 'messageItem',
    fallbacks: [
      { css: '[role="list"] > [role="listitem"]' },
      { css: 'div.h7, div.kv' }, // before messages had list roles (real headers of 2016 and 2019 carry both)
    ],
    fixtures: THREADS,
  },
  /** A message shown in full (pairs with messageCollapsed, level by level). */
  messageExpanded: {
    name: 'messageExpanded',
    fallbacks: [{ css: '[aria-expanded="true"]' }, { css: '.h7' }],
    fixtures: THREADS,
  },
  /** A message shown as a one-line summary. */
  messageCollapsed: {
    name: 'messageCollapsed',
    fallbacks: [{ css: '[aria-expanded="false"]' }, { css: '.kv' }],
    fixtures: [F.threadFive, F.threadCc, F.russian],
  },
  /** The body of an expanded message, its text for the sidebar's "include text". */
  messageBody: {
    name: 'messageBody',
    fallbacks: [{ css: '.a3s' }],
    fixtures: THREADS,
  },
  /** The message's id. */
  messageId: {
    name: 'messageId',
    fallbacks: [
      { css: '[data-legacy-message-id]', attr: 'data-legacy-message-id' },
      { css: '[data-message-id]', attr: 'data-message-id' },
    ],
    fixtures: THREADS,
  },
  /** The message's sender (an element whose email attribute is the address). */
  messageSender: {
    name: 'messageSender',
    fallbacks: [
      { css: 'h3.iw span[email]', attr: 'email' }, // real header of 2016 (test/fixtures/gmail/README.md)
      { css: 'span.gD[email]', attr: 'email' }, // real headers of 2016 and 2019
      { css: 'td.gF span[email]', attr: 'email' }, // real header of 2019
    ],
    fixtures: THREADS,
  },
  /** When the message was sent: the title holds the full date in the UI's language, the text a short one. */
  messageDate: {
    name: 'messageDate',
    fallbacks: [
      { css: 'span.g3[title]', attr: 'title' }, // every layout since 2016 (seen in captured pages of 2016 and 2019)
      { css: '.g3' }, // a build without the tooltip
    ],
    fixtures: THREADS,
  },
  /** The "to me, Ana, cc: Boris" line of an expanded message (the details popup is avoided: its labels are only text). */
  recipientLine: {
    name: 'recipientLine',
    fallbacks: [{ css: 'span.hb' } /* real header of 2016 */, { css: 'div.ajw' } /* hand-built */],
    fixtures: THREADS,
  },
  /** One recipient inside the recipient line. */
  recipient: {
    name: 'recipient',
    fallbacks: [{ css: '[email]', attr: 'email' }, { css: '[data-hovercard-id]', attr: 'data-hovercard-id' }],
    fixtures: THREADS,
  },
  /** The table body holding the rows of a message list; scope of row reads and of the list observer. */
  listBody: {
    name: 'listBody',
    fallbacks: [
      { css: '[gh="tl"] table.F > tbody' }, // seen on a real page: capture-inbox-2014.html
      { css: '[gh="tl"] tbody' },
      { css: 'div.Cp table > tbody' },
    ],
    fixtures: LISTS,
  },
  /** The first row of one conversation in the list (with the reading pane on the right a conversation spans 2-3 rows). */
  listRow: {
    name: 'listRow',
    // The real rows of 2014 (capture-inbox-2014.html) have no role: only the second matches them.
    fallbacks: [{ css: 'tr.zA[role="row"]' }, { css: 'tr.zA' }],
    fixtures: LISTS,
  },
  /** Any table row of a list body: rows that no listRow fallback finds are a layout not known, not an empty list. */
  tableRow: {
    name: 'tableRow',
    fallbacks: [{ css: 'tr' }],
    fixtures: LISTS,
  },
  /** The thread id of a list row. A real inbox of 2014 (capture-inbox-2014.html) has none in its rows. */
  rowThreadId: {
    name: 'rowThreadId',
    fallbacks: [
      { css: '[data-legacy-thread-id]', attr: 'data-legacy-thread-id' },
      { css: '[data-thread-id]', attr: 'data-thread-id' },
    ],
    fixtures: LISTS,
  },
  /** Every sender a list row shows ("me, Ana, Boris (3)" has three). */
  rowSender: {
    name: 'rowSender',
    fallbacks: [
      { css: 'div.yW span[email]', attr: 'email' }, // seen on a real page: capture-inbox-2014.html
      { css: 'td.yX [email]', attr: 'email' }, // ditto, where it also finds the accessible summary's copy
      { css: 'span.bA4 [email]', attr: 'email' },
    ],
    fixtures: LISTS,
  },
  /** The signed-in account's button in the top bar; its label holds the address in any UI language. */
  accountButton: {
    name: 'accountButton',
    fallbacks: [{ css: 'header[role="banner"] a[aria-label*="@"]', attr: 'aria-label' }, { css: '[role="banner"] [aria-label*="@"]', attr: 'aria-label' }],
    fixtures: [...THREADS, ...LISTS],
  },
  /** With conversation view off, Gmail puts message ids ("msg-f:…") where thread ids ("thread-f:…") go. */
  conversationOff: {
    name: 'conversationOff',
    fallbacks: [{ css: '[data-thread-perm-id^="msg-"]' }, { css: '[data-thread-id*="msg-"]' }],
    fixtures: [F.conversationOff],
  },
} as const satisfies Record<string, GmailSelectorEntry>;

export type GmailSelectorName = keyof typeof GMAIL_SELECTORS;
