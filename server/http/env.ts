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
 * belongs to (not on the routes that resolve the token within their own query).
 */
export interface AppEnv {
  Variables: { caller: Caller; token: string };
}
