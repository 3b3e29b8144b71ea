import type { Settings } from '../config/settings';
import type { CacheChange } from '../messaging/protocol';
import type { CrmClient, CrmClientOptions } from './crm-client';
import type { Db } from './db';

/** What the background's services share; tests build one with fakes. */
export interface Ctx {
  db: Db;
  now: () => number;
  settings: () => Promise<Settings>;
  /** A client for the saved settings; throws a `not-configured` ProblemError without them. */
  client: () => Promise<CrmClient>;
  /** fetch and timeout for clients made outside the saved settings (testing a connection). */
  clientOptions: CrmClientOptions;
  /** Tells open extension pages that cached data changed, so they fetch it again. */
  notify: (change: CacheChange) => void;
  /** Work that answers nobody (a background refresh); errors are recorded, not thrown. */
  background: (work: Promise<unknown>) => void;
}
