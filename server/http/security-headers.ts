import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

/** JSON answers load nothing and belong in no frame. */
const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers on every answer, errors included (Hono has turned a thrown error into the answer by the
 * time `next` returns): no MIME sniffing, no referrer, no framing, and no storing team data in any
 * cache. A route that sets its own Content-Security-Policy or, outside `/v1`, Cache-Control (the
 * root page) keeps it. Set on the finished answer, as the CORS headers are, not before the route
 * runs, which would make Hono rebuild every answer to merge them in.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'no-referrer');
  h.set('X-Frame-Options', 'DENY');
  if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', JSON_CSP);
  if (c.req.path.startsWith('/v1/') || !h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
};
