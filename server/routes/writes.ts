import type { Hono } from 'hono';
import { CommitmentPatch, Id, LookupRequest, NewCommitment, NewContact, NewInteraction } from '../../lib/api';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { successStatus } from '../../lib/api/openapi';
import { afterAuth, unauthorized } from '../http/auth';
import type { AppEnv, Deps } from '../http/env';
import { check } from '../http/validate';
import { readBody, runWrite } from '../http/write';
import { createCommitment, patchCommitment } from '../store/commitments';
import { createContact } from '../store/contacts';
import { createInteraction } from '../store/interactions';
import { lookupJson } from '../store/lookup';
import { hashToken } from '../store/tokens';
import { honoPath } from './reads';

/** The POST and PATCH routes: each validates fully before it opens its one transaction. */
export function registerWrites(app: Hono<AppEnv>, deps: Deps): void {
  // A read that takes a body (up to 100 addresses do not fit a URL comfortably).
  // It resolves the token in its own query (see SELF_AUTHENTICATING in app.ts).
  app.post(ENDPOINTS.lookup.path, async (c) => {
    const { body } = await afterAuth(c, deps, () => readBody(c, LookupRequest));
    // The answer comes as JSON text: stored summaries are spliced in without a parse and a stringify.
    const json = await lookupJson(deps.db, hashToken(c.get('token')), body.emails, deps.now(), body.include);
    if (json === null) throw unauthorized();
    c.set('verified', true);
    return c.body(json, 200, { 'Content-Type': 'application/json' });
  });

  app.post(ENDPOINTS.createInteraction.path, async (c) => {
    const { body } = await readBody(c, NewInteraction);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.createInteraction), (tx) =>
      createInteraction(tx, c.get('caller'), body, deps.now()),
    );
  });

  app.post(ENDPOINTS.createCommitment.path, async (c) => {
    const { body } = await readBody(c, NewCommitment);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.createCommitment), async (tx) => ({
      commitment: await createCommitment(tx, c.get('caller'), body, deps.now()),
    }));
  });

  app.patch(honoPath(ENDPOINTS.patchCommitment.path), async (c) => {
    const id = check(Id, c.req.param('id'), 'path.id');
    const { body } = await readBody(c, CommitmentPatch);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.patchCommitment), async (tx) => ({
      commitment: await patchCommitment(tx, c.get('caller'), id, body, deps.now()),
    }));
  });

  app.post(ENDPOINTS.createContact.path, async (c) => {
    const { body } = await readBody(c, NewContact);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.createContact), (tx) =>
      createContact(tx, c.get('caller'), body, deps.now()),
    );
  });
}
