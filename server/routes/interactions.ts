import { Hono } from 'hono';
import { Id } from '../../lib/api';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { successStatus } from '../../lib/api/openapi';
import type { AppEnv, Deps } from '../http/env';
import { check } from '../http/validate';
import { readBody, runWrite } from '../http/write';
import { deleteInteraction, patchInteraction, restoreInteraction } from '../store/interaction-edits';
import { createInteraction } from '../store/interactions';
import { honoPath } from './paths';

/**
 * Logging an interaction, editing, deleting and restoring one, each validated in full before its
 * one transaction opens. DELETE and restore take no body; an Idempotency-Key binds to the path.
 */
export function interactionRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(ENDPOINTS.createInteraction.path, async (c) => {
    const { body } = await readBody(c, ENDPOINTS.createInteraction.body);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.createInteraction), (tx) =>
      createInteraction(tx, c.get('caller'), body, deps.now()),
    );
  });

  app.patch(honoPath(ENDPOINTS.patchInteraction.path), async (c) => {
    const id = check(Id, c.req.param('id'), 'path.id');
    const { body } = await readBody(c, ENDPOINTS.patchInteraction.body);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.patchInteraction), async (tx) => ({
      interaction: await patchInteraction(tx, c.get('caller'), id, body, deps.now()),
    }));
  });

  app.delete(honoPath(ENDPOINTS.deleteInteraction.path), (c) => {
    const id = check(Id, c.req.param('id'), 'path.id');
    return runWrite(c, deps, null, successStatus(ENDPOINTS.deleteInteraction), (tx) =>
      deleteInteraction(tx, c.get('caller'), id, deps.now()),
    );
  });

  app.post(honoPath(ENDPOINTS.restoreInteraction.path), (c) => {
    const id = check(Id, c.req.param('id'), 'path.id');
    return runWrite(c, deps, null, successStatus(ENDPOINTS.restoreInteraction), async (tx) => ({
      interaction: await restoreInteraction(tx, c.get('caller'), id, deps.now()),
    }));
  });
  return app;
}
