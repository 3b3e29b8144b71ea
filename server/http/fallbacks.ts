import type { Context } from 'hono';
import { ENDPOINTS } from '../../lib/api/endpoints';
import type { AppEnv } from './env';
import { fromDatabaseError, fromDomainError, HttpError, incompleteBody } from './errors';
import { bodyCutOff } from './node-request';

const ROUTES = Object.values(ENDPOINTS).map((e) => ({
  method: e.method.toUpperCase(),
  pattern: new RegExp(`^${e.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));
ROUTES.push({ method: 'GET', pattern: /^\/v1\/openapi\.json$/ });

/** Unknown routes are 404 JSON; a known route with another method is 405 naming the allowed ones. */
export function notFoundHandler(c: Context<AppEnv>): Response {
  const allowed = ROUTES.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method);
  if (allowed.length > 0) {
    const err = new HttpError(405, 'method_not_allowed', `${c.req.method} is not allowed here; use ${allowed.join(' or ')}`);
    return c.json(err.toBody(), 405, { Allow: allowed.join(', ') });
  }
  return c.json(new HttpError(404, 'not_found', `no route ${c.req.method} ${c.req.path}`).toBody(), 404);
}

/**
 * The single place errors become answers: HTTP refusals as they are, the store's and the database's
 * mapped (`http/errors.ts`), client faults as 4xx JSON, the rest as a plain 500.
 */
export function errorHandler(err: Error, c: Context<AppEnv>): Response {
  // A body cut off by its client fails wherever it is being read (`readBody` turns it into a 400
  // itself; Hono's streamed body limit does not): the client's fault, never logged as ours.
  const known =
    err instanceof HttpError ? err : (fromDomainError(err) ?? fromDatabaseError(err) ?? (bodyCutOff(c) ? incompleteBody() : null));
  if (known) return c.json(known.toBody(), known.status);
  console.error(`${c.req.method} ${c.req.path} failed:`, err);
  return c.json(new HttpError(500, 'internal', 'the server failed; the error is in its log').toBody(), 500);
}
