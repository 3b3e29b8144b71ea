import type { Db } from '../db';
import type { Caller } from '../store/users';

/** What the routes share: the database, the clock (tests move it) and the version string. */
export interface Deps {
  db: Db;
  now: () => Date;
  version: string;
}

/** Hono's per-request variables: the authenticated caller, set by the auth middleware. */
export interface AppEnv {
  Variables: { caller: Caller };
}
