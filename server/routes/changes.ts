import { Hono } from 'hono';
import { ENDPOINTS } from '../../lib/api/endpoints';
import type { AppEnv, Deps } from '../http/env';
import { check, queryOf } from '../http/validate';
import { changesHead, changesSince } from '../store/changes';
import { ValidationError } from '../store/errors';

/** `GET /v1/changes`: the team's changes feed, for refreshing a client's cache. */
export function changesRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(ENDPOINTS.changes.path, async (c) => {
    const me = c.get('caller');
    const query = check(ENDPOINTS.changes.query, queryOf(c), 'query');
    if (query.from === 'now') {
      if (query.since !== undefined) throw new ValidationError('query.from', 'query.from: give either since or from, not both');
      return c.json(await changesHead(deps.db));
    }
    return c.json(await changesSince(deps.db, me.teamId, query.since, query.limit));
  });
  return app;
}
