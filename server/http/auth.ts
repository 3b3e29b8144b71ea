import type { MiddlewareHandler } from 'hono';
import { findCaller } from '../store/users';
import type { AppEnv, Deps } from './env';
import { HttpError } from './errors';

const BEARER = /^Bearer\s+(\S{1,512})\s*$/i;

/** Resolves the bearer token to its user and team, or answers 401 without touching anything else. */
export function requireAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined) {
      throw new HttpError(401, 'unauthorized', 'send the API token as "Authorization: Bearer <token>"', 'header.authorization');
    }
    const token = BEARER.exec(header)?.[1];
    const caller = token === undefined ? null : await findCaller(deps.db, token);
    if (!caller) {
      throw new HttpError(401, 'unauthorized', 'this API token is not valid (unknown, revoked, or its user is inactive)', 'header.authorization');
    }
    c.set('caller', caller);
    await next();
  };
}
