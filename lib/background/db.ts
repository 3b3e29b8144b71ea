import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AccountDetail, AttentionPage, CommitmentList, LookupMatch, Me, TimelinePage } from '../api';
import type { Settings } from '../config/settings';
import type { Problem } from '../messaging/problem';
import type { OutboxItem } from './outbox/item';

/** Cached answers remember when they were fetched, for stale-while-revalidate. */
interface Cached {
  fetchedAt: number;
}
export interface LookupEntry extends Cached { email: string; match: LookupMatch; accountId?: string }
export interface AccountEntry extends Cached { id: string; detail: AccountDetail }
export interface TimelineEntry extends Cached { key: string; accountId: string; page: TimelinePage }
export interface CommitmentsEntry extends Cached { key: string; accountId: string; list: CommitmentList }
/** The first page of GET /v1/attention, per `owner` (`me`, `team`). */
export interface AttentionEntry extends Cached { owner: string; page: AttentionPage }

/** What the worker knows about its connection and the changes feed. */
export interface StatusRecord {
  changesCursor: string | null;
  lastSyncAt: number | null;
  /** Who the token belongs to, from the last successful GET /v1/me. */
  me: Me | null;
  /** The last failure talking to the CRM; cleared by the next success. */
  lastProblem: Problem | null;
}

export interface CrmDb extends DBSchema {
  settings: { key: 'settings'; value: Settings };
  status: { key: 'status'; value: StatusRecord };
  lookups: { key: string; value: LookupEntry; indexes: { 'by-account': string } };
  accounts: { key: string; value: AccountEntry };
  timelines: { key: string; value: TimelineEntry; indexes: { 'by-account': string } };
  commitments: { key: string; value: CommitmentsEntry; indexes: { 'by-account': string } };
  outbox: { key: number; value: OutboxItem; indexes: { 'by-key': string } };
  attention: { key: string; value: AttentionEntry };
}

export type Db = IDBPDatabase<CrmDb>;
export const DB_NAME = 'crm';
export const DB_VERSION = 3;

/**
 * Opens the worker's database. Upgrades are cumulative so that a browser that skipped versions
 * runs every step in order; `version` is a parameter only so tests can build an older database.
 */
export function openCrmDb(name = DB_NAME, version = DB_VERSION): Promise<Db> {
  return openDB<CrmDb>(name, version, {
    upgrade(db, oldVersion, newVersion) {
      // `to` stops at the requested version, so a test can build a database as an old release left it.
      const to = newVersion ?? version;
      if (oldVersion < 1 && to >= 1) {
        db.createObjectStore('settings');
        db.createObjectStore('status');
        db.createObjectStore('lookups', { keyPath: 'email' }).createIndex('by-account', 'accountId');
        db.createObjectStore('accounts', { keyPath: 'id' });
        db.createObjectStore('timelines', { keyPath: 'key' }).createIndex('by-account', 'accountId');
        db.createObjectStore('commitments', { keyPath: 'key' }).createIndex('by-account', 'accountId');
      }
      if (oldVersion < 2 && to >= 2) {
        // The outbox: auto-increment keys give one total order of writes, kept per account.
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('by-key', 'key', { unique: true });
      }
      if (oldVersion < 3 && to >= 3) {
        // Who needs me today, kept for offline use like the other reads.
        db.createObjectStore('attention', { keyPath: 'owner' });
      }
    },
  });
}

export const EMPTY_STATUS: StatusRecord = { changesCursor: null, lastSyncAt: null, me: null, lastProblem: null };

export async function readStatus(db: Db): Promise<StatusRecord> {
  return (await db.get('status', 'status')) ?? EMPTY_STATUS;
}

/** Read-modify-write of the status record in one transaction, so concurrent updates don't clobber. */
export async function updateStatus(db: Db, change: (s: StatusRecord) => StatusRecord): Promise<StatusRecord> {
  const tx = db.transaction('status', 'readwrite');
  const next = change((await tx.store.get('status')) ?? EMPTY_STATUS);
  await tx.store.put(next, 'status');
  await tx.done;
  return next;
}
