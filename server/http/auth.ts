import type { Context, MiddlewareHandler } from 'hono';
import { findCaller } from '../store/users';
import type { AppEnv, Deps } from './env';
import { HttpError } from './errors';

const BEARER = /^Bearer\s+(\S{1,512})\s*$/i;

export const unauthorized = () =>
  new HttpError(401, 'unauthorized', 'this API token is not valid (unknown, revoked, or its user is inactive)', 'header.authorization');

/** The request's bearer token, or a 401 when there is none; no database is involved. */
export function bearerToken(c: Context<AppEnv>): string {
  const header = c.req.header('Authorization');
  if (header === undefined) {
    throw new HttpError(401, 'unauthorized', 'send the API token as "Authorization: Bearer <token>"', 'header.authorization');
  }
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw unauthorized();
  return token;
}

/**
 * Resolves the bearer token to its user and team, or answers 401 without touching anything else.
 * Routes for which `selfAuthenticating` holds get only the token checked for form here (`token`
 * is set, `caller` is not): their own single query resolves it, with `CALLER_CTE`, and answers
 * 401 the same way (see `rejectUnknownToken` for their 400s).
 */
export function requireAuth(deps: Deps, selfAuthenticating: (c: Context<AppEnv>) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c);
    c.set('token', token);
    if (!selfAuthenticating(c)) {
      const caller = await findCaller(deps.db, token);
      if (!caller) throw unauthorized();
      c.set('caller', caller);
      c.set('verified', true);
    }
    await next();
  };
}

/**
 * For self-authenticating routes: runs `check` (request validation); if it fails, a token that
 * names no active user is still a 401 first, as on every other route.
 */
export async function afterAuth<T>(c: Context<AppEnv>, deps: Deps, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (err) {
    if (!(await findCaller(deps.db, c.get('token')))) throw unauthorized();
    c.set('verified', true);
    throw err;
  }
}
