import { Hono } from 'hono';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { successStatus } from '../../lib/api/openapi';
import type { AppEnv, Deps } from '../http/env';
import { readBody, runWrite } from '../http/write';
import { createContact } from '../store/contacts';

/** `POST /v1/contacts`: a contact of an existing account, or of a new one made with it. */
export function contactRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(ENDPOINTS.createContact.path, async (c) => {
    const { body } = await readBody(c, ENDPOINTS.createContact.body);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.createContact), (tx) =>
      createContact(tx, c.get('caller'), body, deps.now()),
    );
  });
  return app;
}
