import type { Hono } from 'hono';
import { ChangesQuery, CommitmentsQuery, Id, TimelineQuery } from '../../lib/api';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { buildOpenApi } from '../../lib/api/openapi';
import { afterAuth, unauthorized } from '../http/auth';
import type { AppEnv, Deps } from '../http/env';
import { withServerAnswers } from '../http/openapi-answers';
import { check, queryOf } from '../http/validate';
import { accountInTeam, listCommitments, loadAccountDetail } from '../store/accounts';
import { changesSince } from '../store/changes';
import { NotFoundError } from '../store/errors';
import { decodeCursor, timelineForToken } from '../store/timeline';
import { hashToken } from '../store/tokens';

/** `/v1/accounts/{id}` in Hono's `:id` form. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** Every read route; each one filters by the caller's team, so other teams' ids are "not found". */
export function registerReads(app: Hono<AppEnv>, deps: Deps): void {
  let openapi: object | undefined;
  app.get('/v1/openapi.json', (c) => c.json((openapi ??= withServerAnswers(buildOpenApi(deps.version)))));

  app.get(ENDPOINTS.health.path, (c) => c.json({ ok: true as const, version: deps.version, database: deps.db.kind }));

  app.get(ENDPOINTS.me.path, (c) => {
    const me = c.get('caller');
    return c.json({
      user: { id: me.userId, name: me.userName, email: me.userEmail, teamId: me.teamId, active: true },
      team: { id: me.teamId, name: me.teamName },
    });
  });

  app.get(honoPath(ENDPOINTS.account.path), async (c) => {
    const me = c.get('caller');
    const id = check(Id, c.req.param('id'), 'path.id');
    const detail = await loadAccountDetail(deps.db, me.teamId, id, { settings: me.settings, key: me.settingsKey }, deps.now());
    if (!detail) throw new NotFoundError('account', 'path.id');
    return c.json(detail);
  });

  // It resolves the token in its own query (see SELF_AUTHENTICATING in app.ts).
  app.get(honoPath(ENDPOINTS.timeline.path), async (c) => {
    const { id, query } = await afterAuth(c, deps, () => ({
      id: check(Id, c.req.param('id'), 'path.id'),
      query: check(TimelineQuery, queryOf(c), 'query'),
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
    const query = check(CommitmentsQuery, queryOf(c), 'query');
    if (!(await accountInTeam(deps.db, me.teamId, id))) throw new NotFoundError('account', 'path.id');
    return c.json(await listCommitments(deps.db, me.teamId, id, query.status));
  });

  app.get(ENDPOINTS.changes.path, async (c) => {
    const me = c.get('caller');
    const query = check(ChangesQuery, queryOf(c), 'query');
    return c.json(await changesSince(deps.db, me.teamId, query.since, query.limit));
  });
}
