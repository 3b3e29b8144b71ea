import { Hono } from 'hono';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { afterAuth, unauthorized } from '../http/auth';
import type { AppEnv, Deps } from '../http/env';
import { readBody } from '../http/write';
import { lookupJson } from '../store/lookup';
import { hashToken } from '../store/tokens';

/**
 * `POST /v1/lookup`: a read that takes a body (up to 100 addresses do not fit a URL comfortably).
 * It resolves the token in its own query (see SELF_AUTHENTICATING in app.ts).
 */
export function lookupRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(ENDPOINTS.lookup.path, async (c) => {
    const { body } = await afterAuth(c, deps, () => readBody(c, ENDPOINTS.lookup.body));
    // The answer comes as JSON text: stored summaries are spliced in without a parse and a stringify.
    const json = await lookupJson(deps.db, hashToken(c.get('token')), body.emails, deps.now(), body.include);
    if (json === null) throw unauthorized();
    c.set('verified', true);
    return c.body(json, 200, { 'Content-Type': 'application/json' });
  });
  return app;
}
