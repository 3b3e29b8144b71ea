import type { Db } from '../db';
import type { Caller } from '../store/users';

/** What the routes share: the database, the clock (tests move it) and the version string. */
export interface Deps {
  db: Db;
  now: () => Date;
  version: string;
}

/**
 * Hono's per-request variables, set by the auth middleware: the bearer token, and the caller it
 * belongs to (not on the routes that resolve the token within their own query). `verified` is set
 * once the token is known to name an active user, wherever that was found out; the rate limiter
 * reads it.
 */
export interface AppEnv {
  Variables: { caller: Caller; token: string; verified: true };
}
