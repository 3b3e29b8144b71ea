import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { exportBundle, type Bundle } from '../bundle';
import { createApp } from '../app';
import type { AppEnv } from '../http/env';
import { availableBackends, type TestDatabase } from './support/backends';
import { client } from './support/client';
import { countRows } from './support/fixtures';
import {
  ENDPOINT_NAMES, EXAMPLES, fillPath, ownId, PUBLIC_TARGETS, referencesOf, TARGETS, versionsOf, withValueAt, type JsonObject, type Target,
} from './support/endpoint-examples';
import { identifyingStrings, loadIndex, makeWorld, recordsOf, teamDigest, type TeamWorld, type World } from './support/world';

/**
 * The auth and team matrix: every route (derived from ENDPOINTS) × every way of calling it.
 *
 * - Seven kinds of missing or bad credentials, each on the route's VALID request, which would
 *   succeed with a good token: 401 with a JSON error on every non-public route, nothing written.
 * - A member of team A naming one of B's records, one place at a time (the path id and every id a
 *   body refers to, and B's record ids given as client-made ids): 404 `not_found`, exactly the
 *   answer an unknown id gets, never 403 or 409, nothing written.
 * - A on its own records: success, with the body the contract describes.
 * - In every answer to A, none of B's ids, names, addresses, texts or tokens, unless A sent it.
 * - B's export and every row of B's are the same after all of A's requests.
 *
 * tenancy.test.ts checks single cases of these (placeholder requests without a token, B's account
 * on the three reads, seven body references); this is the systematic version, with valid requests,
 * revoked tokens, client-made ids and the search of every answer for B's data.
 */

type Credentials = (w: World) => string | undefined;

const BAD_CREDENTIALS: readonly (readonly [string, Credentials])[] = [
  ['no Authorization header', () => undefined],
  ['a malformed header (Basic)', (w) => `Basic ${Buffer.from(`${w.a.email}:${w.a.token}`).toString('base64')}`],
  ['a malformed header (the token without Bearer)', (w) => w.a.token],
  ['a malformed header (Bearer without a token)', () => 'Bearer'],
  ['an unknown token', () => `Bearer crm_${'x'.repeat(43)}`],
  ['a revoked token', (w) => `Bearer ${w.a.revokedToken}`],
  ["a deactivated user's token", (w) => `Bearer ${w.a.inactiveToken}`],
];

interface CrossCase {
  target: Target;
  /** What of B's the request names, and where. */
  label: string;
  field: string;
  /** The replacement: B's record in place of A's (or as the client-made id). */
  theirs: (w: World) => string;
  /** Where in the request it goes: `[]` for the path id, the JSON path in the body otherwise. */
  at: (string | number)[];
  /** Whether an unknown id in the same place must get the very same answer (not for client-made ids, which a fresh id makes valid). */
  sameAsUnknown: boolean;
}

const CROSS: CrossCase[] = TARGETS.flatMap((target) => [
  ...referencesOf(target).map((ref): CrossCase => ({
    target, label: `B's ${ref.kind} at ${ref.field}`, field: ref.field, at: ref.at, sameAsUnknown: true,
    theirs: (w) => w.b[ref.fixture],
  })),
  ...(target.createdKind === undefined ? [] : [target.createdKind].map((kind): CrossCase => ({
    target, label: `B's ${kind} id as the client-made id`, field: 'body.id', at: ['id'], sameAsUnknown: false,
    theirs: (w) => recordsOf(w.b, kind)[0] ?? '',
  }))),
]);

interface Sent {
  status: number;
  body: unknown;
  text: string;
  /** The URL and body as sent, to tell B's strings A sent from B's strings A was given. */
  request: string;
}

describe.each(availableBackends())('auth and team matrix on $name', (backend) => {
  let t: TestDatabase;
  let app: Hono<AppEnv>;
  let w: World;
  let bStrings: string[];
  let bExport: Bundle;
  let bRows: Record<string, string>;
  let n = 0;

  beforeAll(async () => {
    t = await backend.create();
    app = createApp({ db: t.db });
    w = await makeWorld(t.db, app);
    bStrings = await identifyingStrings(t.db, w.b, w.a);
    bExport = await exportBundle(t.db, w.b.teamId);
    bRows = await teamDigest(t.db, w.b.teamId);
  });
  afterAll(() => t.dispose());

  /** The route's valid request by a member of `team`, naming that team's records. */
  async function validRequest(target: Target, team: TeamWorld): Promise<{ path: string; body?: JsonObject }> {
    const { versions } = await loadIndex(t.db);
    // Even n: the examples then have one shape each (createContact names an existing account), as referencesOf read them.
    const example = EXAMPLES[target.name]({ team, n: (n += 2), ...versionsOf(team, versions) });
    const path = fillPath(target, target.idKind === undefined ? undefined : ownId(team, target.idKind));
    const query = new URLSearchParams(example.query ?? {}).toString();
    return { path: query === '' ? path : `${path}?${query}`, ...(example.body === undefined ? {} : { body: example.body }) };
  }

  async function send(target: Target, authorization: string | undefined, req: { path: string; body?: JsonObject }): Promise<Sent> {
    const headers: Record<string, string> = authorization === undefined ? {} : { Authorization: authorization };
    const res = await client(app).call(target.method, req.path, req.body, headers);
    return { status: res.status, body: res.body, text: JSON.stringify(res.body), request: `${req.path} ${JSON.stringify(req.body ?? null)}` };
  }

  /** B's identifying strings in an answer to A, leaving out those A itself sent. */
  const bDataIn = (res: Sent) => bStrings.filter((s) => res.text.includes(s) && !res.request.includes(s));

  it('covers every endpoint of ENDPOINTS, and only health and the OpenAPI document are public', () => {
    expect(TARGETS.map((x) => x.name)).toEqual(expect.arrayContaining([...ENDPOINT_NAMES]));
    expect([...PUBLIC_TARGETS].sort()).toEqual(['health', 'openapi']);
    for (const target of TARGETS) {
      const refs = CROSS.filter((c) => c.target === target);
      if (target.idKind !== undefined) expect(refs.map((c) => c.field), target.name).toContain('path.id');
      if (target.createdKind !== undefined) expect(refs.map((c) => c.field), target.name).toContain('body.id');
      // The lookup's and an address list's bodies name no record.
      if (target.body !== undefined && target.name !== 'lookup' && target.name !== 'addContactEmails') expect(refs.some((c) => c.field.startsWith('body.')), target.name).toBe(true);
    }
  });

  it.each(TARGETS.flatMap((target) => BAD_CREDENTIALS.map(([label, credentials]) => [target.name, label, target, credentials] as const)))(
    '%s with %s',
    async (_name, _label, target, credentials) => {
      const before = await countRows(t.db);
      const res = await send(target, credentials(w), await validRequest(target, w.a));
      if (target.auth) {
        expect(res.status).toBe(401);
        expect(ApiError.parse(res.body).error.code).toBe('unauthorized');
      } else {
        expect(res.status).toBe(target.success);
      }
      expect(bDataIn(res)).toEqual([]);
      expect(await countRows(t.db)).toEqual(before);
    },
  );

  it.each(CROSS.map((c) => [c.target.name, c.label, c] as const))('%s by A naming %s is 404, like an unknown id', async (_name, _label, c) => {
    const before = await countRows(t.db);
    const valid = await validRequest(c.target, w.a);
    const naming = (id: string) =>
      c.at.length === 0
        ? { ...valid, path: valid.path.replace(ownId(w.a, c.target.idKind ?? 'account'), id) }
        : { ...valid, body: withValueAt(valid.body ?? {}, c.at, id) };
    const theirs = await send(c.target, `Bearer ${w.a.token}`, naming(c.theirs(w)));
    expect(theirs.status).toBe(404);
    const error = ApiError.parse(theirs.body).error;
    expect(error.code).toBe('not_found');
    if (c.sameAsUnknown) {
      expect(error.field).toBe(c.field);
      const unknown = await send(c.target, `Bearer ${w.a.token}`, naming(randomUUID()));
      expect(theirs.body).toEqual(unknown.body);
    }
    expect(bDataIn(theirs)).toEqual([]);
    expect(await countRows(t.db)).toEqual(before);
  });

  it("lookup by A of B's addresses and domains matches nothing and tells nothing of B", async () => {
    const target = TARGETS.find((x) => x.name === 'lookup');
    if (!target) throw new Error('no lookup route');
    const emails = [w.b.email, `someone@${w.b.domain}`, `second@${w.b.otherDomain}`, `owner@${w.b.name}.example`];
    const res = await send(target, `Bearer ${w.a.token}`, { path: target.path, body: { emails, include: ['openCommitments'] } });
    expect(res.status).toBe(200);
    const body = target.response.parse(res.body) as { results: { match: string }[]; openCommitments?: unknown[] };
    expect(body.results.map((r) => r.match)).toEqual(emails.map(() => 'unknown'));
    expect(body.openCommitments).toEqual([]);
    expect(bDataIn(res)).toEqual([]);
  });

  it.each(TARGETS.map((target) => [target.name, target] as const))('%s by A on its own records succeeds and tells nothing of B', async (_name, target) => {
    const res = await send(target, `Bearer ${w.a.token}`, await validRequest(target, w.a));
    expect(res.status, JSON.stringify(res.body)).toBe(target.success);
    expect(target.response.safeParse(res.body).success).toBe(true);
    expect(bDataIn(res)).toEqual([]);
  });

  it("leaves B's export and every row of B's as they were", async () => {
    expect(await exportBundle(t.db, w.b.teamId)).toEqual(bExport);
    expect(await teamDigest(t.db, w.b.teamId)).toEqual(bRows);
  });
});
