import { Hono } from 'hono';
import { ENDPOINTS } from '../../lib/api/endpoints';
import type { AppEnv } from '../http/env';

/** `GET /v1/me`: the caller the auth middleware resolved, and their team. */
export function meRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(ENDPOINTS.me.path, (c) => {
    const me = c.get('caller');
    return c.json({
      user: { id: me.userId, name: me.userName, email: me.userEmail, teamId: me.teamId, active: true },
      team: { id: me.teamId, name: me.teamName, teamMayEditNotes: me.teamMayEditNotes },
    });
  });
  return app;
}
