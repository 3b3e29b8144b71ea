import type { Hono } from 'hono';
import { ChangesQuery, CommitmentsQuery, Id, TimelineQuery } from '../../lib/api';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { buildOpenApi } from '../../lib/api/openapi';
import type { AppEnv, Deps } from '../http/env';
import { notFound } from '../http/errors';
import { check } from '../http/validate';
import { accountInTeam, listCommitments, loadAccountDetail } from '../store/accounts';
import { changesSince } from '../store/changes';
import { timelinePage } from '../store/timeline';

/** `/v1/accounts/{id}` in Hono's `:id` form. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** Every read route; each one filters by the caller's team, so other teams' ids are "not found". */
export function registerReads(app: Hono<AppEnv>, deps: Deps): void {
  let openapi: object | undefined;
  app.get('/v1/openapi.json', (c) => c.json((openapi ??= buildOpenApi(deps.version))));

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
    const detail = await loadAccountDetail(deps.db, me.teamId, id, me.settings, deps.now());
    if (!detail) throw notFound('account', 'path.id');
    return c.json(detail);
  });

  app.get(honoPath(ENDPOINTS.timeline.path), async (c) => {
    const me = c.get('caller');
    const id = check(Id, c.req.param('id'), 'path.id');
    const query = check(TimelineQuery, c.req.query(), 'query');
    if (!(await accountInTeam(deps.db, me.teamId, id))) throw notFound('account', 'path.id');
    const page = await timelinePage(deps.db, me.teamId, id, {
      limit: query.limit,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      ...(query.kind === undefined ? {} : { kinds: query.kind }),
    });
    return c.json(page);
  });

  app.get(honoPath(ENDPOINTS.commitments.path), async (c) => {
    const me = c.get('caller');
    const id = check(Id, c.req.param('id'), 'path.id');
    const query = check(CommitmentsQuery, c.req.query(), 'query');
    if (!(await accountInTeam(deps.db, me.teamId, id))) throw notFound('account', 'path.id');
    return c.json(await listCommitments(deps.db, me.teamId, id, query.status));
  });

  app.get(ENDPOINTS.changes.path, async (c) => {
    const me = c.get('caller');
    const query = check(ChangesQuery, c.req.query(), 'query');
    return c.json(await changesSince(deps.db, me.teamId, query.since, query.limit));
  });
}
