import { Hono } from 'hono';
import { Id } from '../../lib/api';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { successStatus } from '../../lib/api/openapi';
import type { AppEnv, Deps } from '../http/env';
import { check } from '../http/validate';
import { readBody, runWrite } from '../http/write';
import { createCommitment, patchCommitment } from '../store/commitments';
import { honoPath } from './paths';

/**
 * Recording a commitment and changing one, each validated in full before its one transaction
 * opens. An account's commitments are listed in `accounts.ts`.
 */
export function commitmentRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post(ENDPOINTS.createCommitment.path, async (c) => {
    const { body } = await readBody(c, ENDPOINTS.createCommitment.body);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.createCommitment), async (tx) => ({
      commitment: await createCommitment(tx, c.get('caller'), body, deps.now()),
    }));
  });

  app.patch(honoPath(ENDPOINTS.patchCommitment.path), async (c) => {
    const id = check(Id, c.req.param('id'), 'path.id');
    const { body } = await readBody(c, ENDPOINTS.patchCommitment.body);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.patchCommitment), async (tx) => ({
      commitment: await patchCommitment(tx, c.get('caller'), id, body, deps.now()),
    }));
  });

  return app;
}
