import { z } from 'zod';
import type { AccountDetail, AccountSearchPage, AttentionPage, CommitmentList, LookupMatch, Me, TimelinePage } from '../api';
import { Id, InteractionKind } from '../api';
import type { Exclusion } from '../config/exclusions';
import type { Language } from '../config/languages';
import { ApiUrl, Settings } from '../config/settings';
import type { Problem } from './problem';
import type { Result } from './problem-error';
import { Write } from './write';

// ---- payload schemas: the background checks every message's `data` with these -------------

export const LookupData = z.object({
  emails: z.array(z.string().max(320)).min(1).max(500),
  /**
   * Those of `emails` the sidebar is about to show (an open thread's people, not list senders):
   * their accounts' details and open commitments are fetched at once, while the page hands the
   * thread to the sidebar, instead of after it asks.
   */
  prefetch: z.array(z.string().max(320)).max(50).optional(),
});
export const AccountData = z.object({ accountId: Id });
/** What the user typed in the client search box (name, domain or the start of an address). */
export const SearchAccountsData = z.object({ q: z.string().trim().min(1, 'type at least one character').max(200) });
/** Whose attention lists (`me`: what I own), and a section's `nextCursor` for its next page. */
export const AttentionData = z.object({ owner: z.enum(['me', 'team']).default('me'), cursor: z.string().max(400).optional() });
export const TimelineData = z.object({
  accountId: Id,
  cursor: z.string().max(200).optional(),
  kind: z.array(InteractionKind).max(10).optional(),
});
export const CommitmentsData = z.object({ accountId: Id, status: z.enum(['open', 'done', 'cancelled', 'all']).default('open') });
export const TestConnectionData = z.object({ apiUrl: ApiUrl, token: z.string().trim().min(1, 'enter the API token') });
export const EnqueueData = z.object({ write: Write });
export const OutboxKeyData = z.object({ key: z.string().min(8).max(200) });
export const UpdateWriteData = z.object({ key: z.string().min(8).max(200), write: Write });
export const SaveSettingsData = Settings;
export const NoData = z.undefined().or(z.null()).or(z.object({}).strict());
/** A mail page's layout check: the site and the names of the readers that found nothing (none: recognised). */
export const ReportLayoutData = z.object({
  site: z.enum(['gmail', 'outlook']),
  failed: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/, 'a reader name')).max(20),
});
/** Which mail site's layout report the popup wants (lib/content/layout-report.ts makes it). */
export const LayoutReportData = z.object({ site: ReportLayoutData.shape.site });
/** A layout report as a content script answers it: text within the report's bounds (≤ 200 KB). */
export const LayoutReportText = z.string().min(1).max(200_000);

// ---- answers ---------------------------------------------------------------------------------

/** One looked-up address: the CRM's match, or why it was not sent to the CRM. */
export type LookupItem =
  | LookupMatch
  | { match: 'excluded'; email: string; reason: Exclusion }
  | { match: 'not-an-address'; email: string }
  /** Not cached and the CRM could not be asked; only alongside other, answered addresses. */
  | { match: 'unavailable'; email: string; problem: Problem };

/** A thread's lookup for the sidebar: the answers, and by account id the cached open commitments of its clients. */
export interface ThreadLookup {
  items: LookupItem[];
  openCommitments: Record<string, Fresh<CommitmentList>>;
}

/**
 * A cached answer and when it was fetched; `stale` means a refresh is under way. `offline`: the
 * last call to the CRM failed for want of a connection, so this is what was known at `fetchedAt`.
 */
export interface Fresh<T> { value: T; fetchedAt: number; stale: boolean; offline?: boolean }

export interface OutboxSummary {
  key: string;
  type: Write['type'];
  state: 'pending' | 'sending' | 'failed';
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  problem: Problem | null;
  /** A short excerpt of what was written, so the user recognises it. */
  excerpt: string;
  conflict?: { mine: unknown; theirs: unknown };
  /** The account the write belongs to, when it names one. */
  accountId?: string | null;
  /** The record it creates (client-made id) or changes, to match it with what the CRM shows. */
  recordId?: string | null;
  /** The write itself, for the page to edit and send again with `updateFailedWrite`. */
  write?: Write;
  /** The key of an earlier write that creates a record this one refers to; it is sent first. */
  waitingFor?: string;
}

/** The last layout check of a mail site: `failed` names the readers that found nothing. */
export interface LayoutHealth { site: 'gmail' | 'outlook'; failed: string[]; at: number }

export interface OutboxStatus {
  pending: number;
  failed: number;
  items: OutboxSummary[];
  /** Keys of writes discarded in this browser session (newest last): gone from `items`, never sent. */
  discarded?: readonly string[];
}

export interface Status {
  configured: boolean;
  /** The last call to the CRM worked. */
  connected: boolean;
  apiUrl: string;
  user: Me | null;
  lastSyncAt: number | null;
  pending: number;
  failed: number;
  problem: Problem | null;
  /** The last call to the CRM failed for want of a connection; cached answers are shown. */
  offline?: boolean;
}

/** What the background tells open extension pages after cached data changed. */
export interface CacheChange { accountIds?: string[]; emails?: string[]; all?: boolean; /** The outbox changed. */ outbox?: boolean }

// ---- the protocol --------------------------------------------------------------------------

// Each request's schema and whether content scripts may send it are its entry in the background's
// handler table (lib/background/requests.ts), which is checked against this map when compiling.

export interface ProtocolMap {
  /** The saved settings, token included. Extension pages only. */
  getSettings(): Result<Settings>;
  /** Checks and saves the settings; the options page asks for host permission first. Extension pages only. */
  saveSettings(data: z.input<typeof SaveSettingsData>): Result<Settings>;
  /**
   * The words of the language chosen in the settings (else the browser's), English filling what
   * it lacks, placeholders put in (lib/i18n.ts). Any sender: a content script cannot read the
   * extension's files, and the words are no secret.
   */
  uiMessages(): Result<{ language: Language; messages: Record<string, string> }>;
  /** Calls GET /v1/me with the given, not yet saved, URL and token. Extension pages only. */
  testConnection(data: z.input<typeof TestConnectionData>): Result<Me>;
  /** Matches many addresses at once: cached ones at once, the rest in one POST /v1/lookup. Any sender. */
  lookup(data: z.input<typeof LookupData>): Result<LookupItem[]>;
  /**
   * `lookup` for the thread the sidebar shows, with the open commitments of its clients (those
   * among `prefetch`) when they are cached. Extension pages only.
   */
  lookupThread(data: z.input<typeof LookupData>): Result<ThreadLookup>;
  /** An account with contacts and summary (cached). Extension pages only. */
  getAccount(data: z.input<typeof AccountData>): Result<Fresh<AccountDetail>>;
  /** Accounts by a word of the name, a domain or an address prefix (GET /v1/accounts?q=; not cached). Extension pages only. */
  searchAccounts(data: z.input<typeof SearchAccountsData>): Result<AccountSearchPage>;
  /**
   * Who needs me today (GET /v1/attention): accounts at risk, my commitments due, rhythms coming
   * due. The first page is cached and served offline; a section's next page is not. Extension pages only.
   */
  getAttention(data: z.input<typeof AttentionData>): Result<Fresh<AttentionPage>>;
  /** A timeline page; the first page of each kind filter is cached. Extension pages only. */
  getTimeline(data: z.input<typeof TimelineData>): Result<Fresh<TimelinePage>>;
  /** An account's commitments by status (cached). Extension pages only. */
  getCommitments(data: z.input<typeof CommitmentsData>): Result<Fresh<CommitmentList>>;
  /** Commits a write to the outbox and starts sending it. Extension pages only. */
  enqueueWrite(data: z.input<typeof EnqueueData>): Result<{ key: string; id: string | null }>;
  /** Writes not yet confirmed by the CRM. Extension pages only (they hold what the user wrote). */
  getOutboxStatus(): Result<OutboxStatus>;
  /** Sends a failed write again, or a pending one now instead of after its backoff. Extension pages only. */
  retryWrite(data: z.input<typeof OutboxKeyData>): Result<OutboxStatus>;
  /**
   * Replaces a failed write with the user's edit (same kind, same record) and sends it: with a new
   * idempotency key when the body changed, else with its own. Extension pages only.
   */
  updateFailedWrite(data: z.input<typeof UpdateWriteData>): Result<OutboxStatus>;
  /** Drops a failed write for good. Extension pages only. */
  discardWrite(data: z.input<typeof OutboxKeyData>): Result<OutboxStatus>;
  /** Connection, user, last sync and outbox counts. Any sender. */
  getStatus(): Result<Status>;
  /** A content script says whether its mail site's layout was recognised. Any sender. */
  reportLayout(data: z.input<typeof ReportLayoutData>): Result<null>;
  /** The last layout check of each mail site, for the popup. Extension pages only. */
  getLayoutHealth(): Result<LayoutHealth[]>;
  /**
   * The layout report of a tab showing `site` (the active tab first), for a bug report; null when
   * no such tab answered. Extension pages only.
   */
  getLayoutReport(data: z.input<typeof LayoutReportData>): Result<string | null>;
  /**
   * The session's secret a content script proves the channel it hands the sidebar frame with
   * (lib/sidebar/frame-link.ts). Any sender: content scripts need it, and no web page can send this.
   */
  sidebarKey(): Result<string>;
  /** Background → pages: cached data changed; refetch what is shown. */
  cacheChanged(data: CacheChange): void;
  /** The options page → the other extension pages: the language was changed (absent: the browser's); speak it now. */
  languageChanged(data: { language?: Language }): void;
  /** Background → a mail tab's content script: the "write a note" shortcut was pressed. */
  focusNote(): void;
  /** Background → a mail tab's content script: its page's layout report if it shows `site`, else null. */
  layoutReport(data: z.input<typeof LayoutReportData>): string | null;
  /** An extension page → a mail tab's content script: run the mail site's own search for `query` in that tab. */
  searchMail(data: { query: string }): void;
  /**
   * Background → the mail tabs' content scripts: these addresses' accounts changed (a write was
   * delivered, the changes feed said so); ask about them again, for badges and banner.
   */
  lookupAgain(data: { emails: string[] }): void;
}

/** Messages the background sends (or pages send to a mail tab) rather than answers. */
export type BackgroundNotice = 'cacheChanged' | 'languageChanged' | 'focusNote' | 'layoutReport' | 'lookupAgain' | 'searchMail';
