import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ENDPOINTS } from '../lib/api/endpoints';
import type { Db } from './db';
import { requireAuth } from './http/auth';
import { cors } from './http/cors';
import type { AppEnv, Deps } from './http/env';
import { HttpError } from './http/errors';
import { errorHandler, notFoundHandler } from './http/fallbacks';
import { hostCheck, type AllowedHost } from './http/host-check';
import { requireJson } from './http/media-type';
import { rateLimit, type RateLimits } from './http/rate-limit';
import { securityHeaders } from './http/security-headers';
import { accountRoutes } from './routes/accounts';
import { attentionRoutes } from './routes/attention';
import { changesRoutes } from './routes/changes';
import { commitmentRoutes } from './routes/commitments';
import { contactRoutes } from './routes/contacts';
import { healthRoutes } from './routes/health';
import { interactionRoutes } from './routes/interactions';
import { lookupRoutes } from './routes/lookup';
import { meRoutes } from './routes/me';
import { rootRoutes } from './routes/root';

export const MAX_BODY_BYTES = 1024 * 1024;
export const SERVER_VERSION = '0.1.0';

/** Routes that answer without a token. */
const PUBLIC_PATHS = new Set(['/v1/health', '/v1/openapi.json']);

/**
 * The hottest reads resolve the token within their own query (one statement per request instead
 * of two); the auth middleware only checks that a token was sent.
 */
const SELF_AUTHENTICATING = [ENDPOINTS.lookup, ENDPOINTS.timeline].map((e) => ({
  method: e.method.toUpperCase(),
  pattern: new RegExp(`^${e.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

export interface AppOptions {
  db: Db;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  version?: string;
  /** Origins allowed to call cross-origin (CRM_CORS_ORIGINS); none when absent. */
  corsOrigins?: readonly string[];
  /** Host names answered besides the loopback ones (CRM_ALLOWED_HOSTS). */
  allowedHosts?: readonly AllowedHost[];
  /**
   * Absent: no rate limiting (in-process tests, the benchmark's load). `server/main.ts` always
   * passes the configured ones.
   */
  rateLimits?: RateLimits;
}

/** The whole `/v1` API over one database, and the root page. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const deps: Deps = { db: options.db, now: options.now ?? (() => new Date()), version: options.version ?? SERVER_VERSION };
  const app = new Hono<AppEnv>();
  app.onError(errorHandler);
  app.notFound(notFoundHandler);
  // Outermost first: every answer gets the security headers, even the Host check's.
  app.use('*', securityHeaders);
  app.use('*', hostCheck(options.allowedHosts ?? []));
  app.use('*', cors(options.corsOrigins ?? []));
  if (options.rateLimits) app.use('*', rateLimit(options.rateLimits));
  app.use('/v1/*', requireJson);
  const tooLarge = (c: Context<AppEnv>) =>
    c.json(new HttpError(413, 'too_large', `the body exceeds ${MAX_BODY_BYTES} bytes`, 'body').toBody(), 413);
  const streamedLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  // A declared length is checked from the header alone; only a body without one is counted as it
  // streams in (Hono's bodyLimit, which first turns the request into a full Request object).
  // GET and HEAD carry no body.
  app.use('/v1/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > MAX_BODY_BYTES ? tooLarge(c) : next();
    }
    return streamedLimit(c, next);
  });
  const auth = requireAuth(deps, (c) => SELF_AUTHENTICATING.some((r) => r.method === c.req.method && r.pattern.test(c.req.path)));
  app.use('/v1/*', async (c, next) => (PUBLIC_PATHS.has(c.req.path) ? next() : auth(c, next)));
  // Each resource's routes, with their full `/v1/…` paths from the endpoint table. `route` copies
  // them into this app after the middleware above, which therefore runs first, and leaves errors
  // and unknown routes (404, 405) to this app's handlers.
  app.route('/', rootRoutes(deps));
  app.route('/', healthRoutes(deps));
  app.route('/', meRoutes());
  app.route('/', accountRoutes(deps));
  app.route('/', changesRoutes(deps));
  app.route('/', lookupRoutes(deps));
  app.route('/', interactionRoutes(deps));
  app.route('/', commitmentRoutes(deps));
  app.route('/', contactRoutes(deps));
  app.route('/', attentionRoutes(deps));
  return app;
}
