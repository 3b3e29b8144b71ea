import { Hono } from 'hono';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { buildOpenApi } from '../../lib/api/openapi';
import type { AppEnv, Deps } from '../http/env';
import { withServerAnswers } from '../http/openapi-answers';

/** The routes that answer without a token: liveness, and the API's description (built once). */
export function healthRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let openapi: object | undefined;
  app.get('/v1/openapi.json', (c) => c.json((openapi ??= withServerAnswers(buildOpenApi(deps.version)))));
  app.get(ENDPOINTS.health.path, (c) => c.json({ ok: true as const, version: deps.version, database: deps.db.kind }));
  return app;
}
