import { Hono } from 'hono';
import { ENDPOINTS } from '../../lib/api/endpoints';
import type { AppEnv, Deps } from '../http/env';
import { check, queryOf } from '../http/validate';
import { loadAttention } from '../store/attention';

/**
 * `GET /v1/attention`: who needs the caller today. Every member of a team may ask for the whole
 * team's (`owner=team`): there are no roles yet to keep it to managers.
 */
export function attentionRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(ENDPOINTS.attention.path, async (c) => {
    const query = check(ENDPOINTS.attention.query, queryOf(c), 'query');
    return c.json(await loadAttention(deps.db, c.get('caller'), query, deps.now()));
  });
  return app;
}
