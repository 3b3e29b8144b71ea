import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { HttpError } from './errors';

const ALLOW_METHODS = 'GET, POST, PATCH, DELETE';
const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key';
const EXPOSE_HEADERS = 'Idempotent-Replayed, Retry-After';

/**
 * Cross-origin access for exactly the origins an operator lists (CRM_CORS_ORIGINS), none by
 * default: the extension calls from its background, which has host permission and needs no CORS,
 * and a web page has no business reading team data with a token it somehow holds. A listed origin
 * gets its own name back (never `*`) with `Vary: Origin`, on every answer including errors, and
 * its preflights approved; any other preflight is refused with 403 and no CORS headers.
 */
export function cors(origins: readonly string[]): MiddlewareHandler<AppEnv> {
  const listed = new Set(origins);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = origin !== undefined && listed.has(origin);
    if (c.req.method === 'OPTIONS' && origin !== undefined && c.req.header('Access-Control-Request-Method') !== undefined) {
      if (!allowed) {
        const err = new HttpError(403, 'cors_not_allowed', 'cross-origin requests from this origin are not allowed');
        return c.json(err.toBody(), 403, listed.size > 0 ? { Vary: 'Origin' } : {});
      }
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    await next();
    if (listed.size === 0) return;
    // The answer depends on Origin whenever a list is set: caches must keep them apart.
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}
