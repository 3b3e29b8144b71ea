import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inboxSender, threadOps, threadSender } from '../data/clients';

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures/gmail');
const read = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const replaceAll = (text: string, from: string, to: string) => text.replace(new RegExp(escape(from), 'g'), to);

/** The fixtures' own company is the demo team's (arusdata.example, entered as company domain). */
const ourCompany = (html: string) => replaceAll(html, '@ourcompany.example', '@arusdata.example');

const THREAD = ourCompany(read('thread-five-messages.html'));
const INBOX = ourCompany(read('inbox-default-tabs.html'));
const ROWS_START = INBOX.indexOf('<tr class="zA');
const ROWS_END = INBOX.lastIndexOf('</tr>', INBOX.indexOf('</tbody>', ROWS_START)) + '</tr>'.length;
const ROW = INBOX.slice(ROWS_START, INBOX.indexOf('</tr>', ROWS_START) + '</tr>'.length);

/** A 16-hex legacy thread id, unique per number (Gmail's ids start with 18…). */
export const legacyId = (n: number) => `18d${n.toString(16).padStart(13, '0')}`;

export interface ThreadPage {
  html: string;
  /** The hash Gmail shows for it: `#inbox/<legacy id>`. */
  hash: string;
  threadId: string;
}

/**
 * The five-message thread of the 2023 layout with its client people (Ana and Budi of the
 * fixture) replaced by `people`, under a thread id of its own (`open`).
 */
export function threadPageOf(people: readonly [string, string], open: number): ThreadPage {
  const id = legacyId(open);
  let html = THREAD;
  html = replaceAll(html, 'ana.lestari@bank-sinar.co.id', people[0]);
  html = replaceAll(html, 'budi.santoso@bank-sinar.co.id', people[1]);
  html = replaceAll(html, '18c3f1a2b4d5e6f7', id);
  html = replaceAll(html, 'thread-f:1784213345678901234', `thread-f:${1_800_000_000_000_000_000n + BigInt(open)}`);
  html = replaceAll(html, 'Renewal of the treasury services agreement', `Renewal, thread ${open}`);
  return { html, hash: `#inbox/${id}`, threadId: id };
}

/** A thread from thread client `client`'s two contacts. */
export const threadPage = (client: number, open: number) => threadPageOf([threadSender(client), threadOps(client)], open);

/** The default-tabs inbox with an empty list body: the benchmark inserts the rows itself. */
export function emptyInboxPage(): string {
  return INBOX.slice(0, ROWS_START) + INBOX.slice(ROWS_END);
}

/** One conversation row of the default-tabs layout, from one sender. */
function row(sender: string, n: number): string {
  let html = ROW;
  html = replaceAll(html, 'ana.lestari@bank-sinar.co.id', sender);
  html = replaceAll(html, 'Ana Lestari', `Sender ${n}`);
  html = replaceAll(html, '18c3f1a2b4d5e6f7', legacyId(1_000_000 + n));
  html = replaceAll(html, 'thread-f:1784213345678901234', `thread-f:${1_790_000_000_000_000_000n + BigInt(n)}`);
  return html;
}

export const INBOX_ROWS = 100;
export const INBOX_SENDERS = 60;

/** The senders of cold run `run`, one per row, 60 distinct over 100 rows. */
export function inboxSenders(run: number): string[] {
  return Array.from({ length: INBOX_ROWS }, (_, k) => inboxSender(run, k % INBOX_SENDERS));
}

/** The 100 rows (as `<tr>` HTML) of cold run `run`; row numbers make each row's thread id unique. */
export function inboxRows(run: number): string {
  return inboxSenders(run).map((sender, k) => row(sender, run * INBOX_ROWS + k)).join('\n');
}
