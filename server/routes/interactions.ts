import { Hono } from 'hono';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { successStatus } from '../../lib/api/openapi';
import type { AppEnv, Deps } from '../http/env';
import { readBody, runWrite } from '../http/write';
import { createInteraction } from '../store/interactions';

/** `POST /v1/interactions`, validated in full before its one transaction opens. */
export function interactionRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(ENDPOINTS.createInteraction.path, async (c) => {
    const { body } = await readBody(c, ENDPOINTS.createInteraction.body);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.createInteraction), (tx) =>
      createInteraction(tx, c.get('caller'), body, deps.now()),
    );
  });
  return app;
}
