import { GMAIL_FIXTURES as F, type GmailFixture } from './fixtures';

/**
 * Every selector the Gmail readers and the watcher use, in one table. Gmail's class names are
 * generated and change without notice, so each entry lists fallbacks in order of preference:
 * stable hooks first (the `email` attribute, `data-*-id`, `role`, Gmail's own `gh` hooks), then
 * the class names of the layouts Gmail has shipped, newest first. Each entry names the fixture
 * pages it must match; a test fails when a fallback matches none of them.
 */
export interface SelectorFallback {
  css: string;
  /** For entries that read a value: the attribute holding it. */
  attr?: string;
  /** Which layout this fallback exists for (kept so dead ones can be dropped knowingly). */
  note?: string;
}

export interface SelectorEntry {
  name: string;
  purpose: string;
  fallbacks: readonly SelectorFallback[];
  fixtures: readonly GmailFixture[];
}

const THREADS = [F.threadSingle, F.threadFive, F.threadCc, F.readingPane, F.conversationOff, F.russian];
const LISTS = [F.inboxTabs, F.inboxCompact, F.search, F.readingPane, F.conversationOff, F.indonesian];

export const GMAIL_SELECTORS = {
  main: {
    name: 'main',
    purpose: 'the region Gmail marks role=main (the view being shown); keeps toolbars and side panels out of reads',
    fallbacks: [{ css: '[role="main"]' }],
    fixtures: [...THREADS, ...LISTS],
  },
  threadContainer: {
    name: 'threadContainer',
    purpose: 'the open conversation (also inside the reading pane); scope of thread reads and of the thread observer',
    fallbacks: [
      { css: 'div.a98.iY', note: 'layout of 2023-11' },
      { css: 'div.PeIF1d', note: 'layout of 2022-10' },
      { css: 'div.nH.if', note: 'new Gmail of 2018' },
    ],
    fixtures: [F.threadFive, F.threadSingle, F.threadCc, F.readingPane, F.conversationOff, F.russian],
  },
  threadSubject: {
    name: 'threadSubject',
    purpose: 'the subject heading of the open thread',
    fallbacks: [
      { css: 'h2[data-thread-perm-id]' },
      { css: 'h2[data-legacy-thread-id]' },
      { css: 'h2.hP' },
      { css: '.ha h2' },
    ],
    fixtures: THREADS,
  },
  threadId: {
    name: 'threadId',
    purpose: 'the thread id; the legacy hex id first because list rows carry the same one',
    fallbacks: [
      { css: '[data-legacy-thread-id]', attr: 'data-legacy-thread-id' },
      { css: '[data-thread-perm-id]', attr: 'data-thread-perm-id' },
    ],
    fixtures: THREADS,
  },
  messageItem: {
    name: 'messageItem',
    purpose: 'one message of the thread, expanded or collapsed',
    fallbacks: [
      { css: '[role="list"] > [role="listitem"]' },
      { css: 'div.h7, div.kv', note: 'before messages had list roles' },
    ],
    fixtures: THREADS,
  },
  messageExpanded: {
    name: 'messageExpanded',
    purpose: 'a message shown in full (pairs with messageCollapsed, level by level)',
    fallbacks: [{ css: '[aria-expanded="true"]' }, { css: '.h7' }],
    fixtures: THREADS,
  },
  messageCollapsed: {
    name: 'messageCollapsed',
    purpose: 'a message shown as a one-line summary',
    fallbacks: [{ css: '[aria-expanded="false"]' }, { css: '.kv' }],
    fixtures: [F.threadFive, F.threadCc, F.russian],
  },
  messageId: {
    name: 'messageId',
    purpose: "the message's id",
    fallbacks: [
      { css: '[data-legacy-message-id]', attr: 'data-legacy-message-id' },
      { css: '[data-message-id]', attr: 'data-message-id' },
    ],
    fixtures: THREADS,
  },
  messageSender: {
    name: 'messageSender',
    purpose: "the message's sender (an element whose email attribute is the address)",
    fallbacks: [
      { css: 'h3.iw span[email]', attr: 'email' },
      { css: 'span.gD[email]', attr: 'email' },
      { css: 'td.gF span[email]', attr: 'email' },
    ],
    fixtures: THREADS,
  },
  recipientLine: {
    name: 'recipientLine',
    purpose: 'the "to me, Ana, cc: Boris" line of an expanded message (the details popup is avoided: its labels are only text)',
    fallbacks: [{ css: 'span.hb' }, { css: 'div.ajw' }],
    fixtures: THREADS,
  },
  recipient: {
    name: 'recipient',
    purpose: 'one recipient inside the recipient line',
    fallbacks: [{ css: '[email]', attr: 'email' }, { css: '[data-hovercard-id]', attr: 'data-hovercard-id' }],
    fixtures: THREADS,
  },
  listBody: {
    name: 'listBody',
    purpose: 'the table body holding the rows of a message list; scope of row reads and of the list observer',
    fallbacks: [
      { css: '[gh="tl"] table.F > tbody' },
      { css: '[gh="tl"] tbody' },
      { css: 'div.Cp table > tbody' },
    ],
    fixtures: LISTS,
  },
  listRow: {
    name: 'listRow',
    purpose: 'the first row of one conversation in the list (with the reading pane on the right a conversation spans 2-3 rows)',
    fallbacks: [{ css: 'tr.zA[role="row"]' }, { css: 'tr.zA' }],
    fixtures: LISTS,
  },
  rowThreadId: {
    name: 'rowThreadId',
    purpose: 'the thread id of a list row',
    fallbacks: [
      { css: '[data-legacy-thread-id]', attr: 'data-legacy-thread-id' },
      { css: '[data-thread-id]', attr: 'data-thread-id' },
    ],
    fixtures: LISTS,
  },
  rowSender: {
    name: 'rowSender',
    purpose: 'every sender a list row shows ("me, Ana, Boris (3)" has three)',
    fallbacks: [
      { css: 'div.yW span[email]', attr: 'email' },
      { css: 'td.yX [email]', attr: 'email' },
      { css: 'span.bA4 [email]', attr: 'email' },
    ],
    fixtures: LISTS,
  },
  accountButton: {
    name: 'accountButton',
    purpose: "the signed-in account's button in the top bar; its label holds the address in any UI language",
    fallbacks: [{ css: 'header[role="banner"] a[aria-label*="@"]', attr: 'aria-label' }, { css: '[role="banner"] [aria-label*="@"]', attr: 'aria-label' }],
    fixtures: [...THREADS, ...LISTS],
  },
  conversationOff: {
    name: 'conversationOff',
    purpose: 'with conversation view off, Gmail puts message ids ("msg-f:…") where thread ids ("thread-f:…") go',
    fallbacks: [{ css: '[data-thread-perm-id^="msg-"]' }, { css: '[data-thread-id*="msg-"]' }],
    fixtures: [F.conversationOff],
  },
} as const satisfies Record<string, SelectorEntry>;

export type GmailSelectorName = keyof typeof GMAIL_SELECTORS;
