import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Db } from './db';
import { requireAuth } from './http/auth';
import type { AppEnv, Deps } from './http/env';
import { HttpError } from './http/errors';
import { errorHandler, notFoundHandler } from './http/fallbacks';
import { registerReads } from './routes/reads';
import { registerWrites } from './routes/writes';

export const MAX_BODY_BYTES = 1024 * 1024;
export const SERVER_VERSION = '0.1.0';

/** Routes that answer without a token. */
const PUBLIC_PATHS = new Set(['/v1/health', '/v1/openapi.json']);

export interface AppOptions {
  db: Db;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  version?: string;
}

/** The whole `/v1` API over one database. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const deps: Deps = { db: options.db, now: options.now ?? (() => new Date()), version: options.version ?? SERVER_VERSION };
  const app = new Hono<AppEnv>();
  app.onError(errorHandler);
  app.notFound(notFoundHandler);
  // Tokens travel in a header, never as cookies, so any origin may call (the extension's pages do).
  app.use('/v1/*', cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'], allowMethods: ['GET', 'POST', 'PATCH'], exposeHeaders: ['Idempotent-Replayed'] }));
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(new HttpError(413, 'too_large', `the body exceeds ${MAX_BODY_BYTES} bytes`, 'body').toBody(), 413),
    }),
  );
  const auth = requireAuth(deps);
  app.use('/v1/*', async (c, next) => (PUBLIC_PATHS.has(c.req.path) ? next() : auth(c, next)));
  registerReads(app, deps);
  registerWrites(app, deps);
  return app;
}
