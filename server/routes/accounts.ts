import { Hono } from 'hono';
import { Id } from '../../lib/api';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { successStatus } from '../../lib/api/openapi';
import { afterAuth, unauthorized } from '../http/auth';
import type { AppEnv, Deps } from '../http/env';
import { check, queryOf } from '../http/validate';
import { readBody, rejectUnstorableText, runWrite } from '../http/write';
import { patchAccount } from '../store/account-edits';
import { searchAccounts } from '../store/account-search';
import { accountInTeam, listCommitments, loadAccountDetail } from '../store/accounts';
import { NotFoundError } from '../store/errors';
import { decodeCursor, timelineForToken } from '../store/timeline';
import { hashToken } from '../store/tokens';
import { honoPath } from './paths';

/**
 * Finding accounts, an account, changing it, its timeline and its commitments; another team's
 * account is "not found".
 */
export function accountRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(ENDPOINTS.searchAccounts.path, async (c) => {
    const me = c.get('caller');
    const query = check(ENDPOINTS.searchAccounts.query, queryOf(c), 'query');
    rejectUnstorableText(query, 'query');
    return c.json(await searchAccounts(deps.db, me, query.q, query.limit, deps.now()));
  });

  app.get(honoPath(ENDPOINTS.account.path), async (c) => {
    const me = c.get('caller');
    const id = check(Id, c.req.param('id'), 'path.id');
    const detail = await loadAccountDetail(deps.db, me.teamId, id, { settings: me.settings, key: me.settingsKey }, deps.now());
    if (!detail) throw new NotFoundError('account', 'path.id');
    return c.json(detail);
  });

  app.patch(honoPath(ENDPOINTS.patchAccount.path), async (c) => {
    const id = check(Id, c.req.param('id'), 'path.id');
    const { body } = await readBody(c, ENDPOINTS.patchAccount.body);
    return runWrite(c, deps, body, successStatus(ENDPOINTS.patchAccount), (tx) =>
      patchAccount(tx, c.get('caller'), id, body, deps.now()),
    );
  });

  // It resolves the token in its own query (see SELF_AUTHENTICATING in app.ts).
  app.get(honoPath(ENDPOINTS.timeline.path), async (c) => {
    const { id, query } = await afterAuth(c, deps, () => ({
      id: check(Id, c.req.param('id'), 'path.id'),
      query: check(ENDPOINTS.timeline.query, queryOf(c), 'query'),
    }));
    // A cursor this server did not hand out is a 400, but only once the account is known to be
    // the caller's (401 and 404 come first, as for every read).
    let badCursor: unknown = null;
    if (query.cursor !== undefined) {
      try {
        decodeCursor(query.cursor);
      } catch (err) {
        badCursor = err;
      }
    }
    const answer = await timelineForToken(deps.db, hashToken(c.get('token')), id, {
      limit: query.limit,
      ...(query.cursor === undefined || badCursor !== null ? {} : { cursor: query.cursor }),
      ...(query.kind === undefined ? {} : { kinds: query.kind }),
    });
    if (!answer.caller) throw unauthorized();
    c.set('verified', true);
    if (!answer.found) throw new NotFoundError('account', 'path.id');
    if (badCursor !== null) throw badCursor;
    return c.json(answer.page);
  });

  app.get(honoPath(ENDPOINTS.commitments.path), async (c) => {
    const me = c.get('caller');
    const id = check(Id, c.req.param('id'), 'path.id');
    const query = check(ENDPOINTS.commitments.query, queryOf(c), 'query');
    if (!(await accountInTeam(deps.db, me.teamId, id))) throw new NotFoundError('account', 'path.id');
    return c.json(await listCommitments(deps.db, me.teamId, id, query.status));
  });

  return app;
}
