import { Hono } from 'hono';
import { Id } from '../../lib/api';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { successStatus } from '../../lib/api/openapi';
import type { AppEnv, Deps } from '../http/env';
import { check } from '../http/validate';
import { readBody, runWrite } from '../http/write';
import { addContactEmails } from '../store/contact-emails';
import { createContact } from '../store/contacts';
import { honoPath } from './paths';

/**
 * `POST /v1/contacts`: a contact of an existing account, or of a new one made with it;
 * `POST /v1/contacts/{id}/emails`: more addresses for an existing contact.
 */
export function contactRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(ENDPOINTS.createContact.path, async (c) => {
    const { body } = await readBody(c, ENDPOINTS.createContact.body);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.createContact), (tx) =>
      createContact(tx, c.get('caller'), body, deps.now()),
    );
  });

  app.post(honoPath(ENDPOINTS.addContactEmails.path), async (c) => {
    const id = check(Id, c.req.param('id'), 'path.id');
    const { body } = await readBody(c, ENDPOINTS.addContactEmails.body);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.addContactEmails), async (tx) => ({
      contact: await addContactEmails(tx, c.get('caller'), id, body.emails, deps.now()),
    }));
  });
  return app;
}
