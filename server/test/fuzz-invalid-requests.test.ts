import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { createApp } from '../app';
import type { AppEnv } from '../http/env';
import { availableBackends, type TestDatabase } from './support/backends';
import { countRows } from './support/fixtures';
import { ENDPOINT_NAMES, TARGETS, type TargetName } from './support/endpoint-examples';
import { boundaryReads, generateRequest, reproduction, type GenContext } from './support/fuzz-gen';
import type { Wire } from './support/request-oracle';
import { identifyingStrings, loadIndex, makeWorld, snapshot, type Snapshot, type World } from './support/world';

/**
 * A generated fuzz run over every route of the API: for each, PER_ROUTE requests that the contract
 * refuses (see support/fuzz-gen.ts for what they are, support/request-oracle.ts for why each is
 * refused), sent in-process by members of two teams, aimed at both teams' records. Every answer
 * must be a 4xx with an `ApiError` JSON body (never a 5xx, never a success), and at the end no
 * team's export, row count or row may have changed.
 *
 * FUZZ_SEED=<n> runs another seed (the seed is printed; a failure names seed, route and index, and
 * the same three make the same request again, with that run's random ids and tokens: the failure
 * prints the whole request); FUZZ_REQUESTS=<n> sends more per route.
 *
 * Apart from those, a few hundred reads at the edges of the contract (boundary cursors, ids in
 * upper case, the largest pages) may succeed or not, but never with a 5xx, a body outside the
 * contract, or the other team's data.
 */

const DEFAULT_SEED = 20_261_123;
const SEED = process.env.FUZZ_SEED === undefined ? DEFAULT_SEED : Number.parseInt(process.env.FUZZ_SEED, 10);
const PER_ROUTE = Math.max(1_000, Number.parseInt(process.env.FUZZ_REQUESTS ?? '0', 10) || 0);
const MIN_TOTAL = 10_000;

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

async function send(app: Hono<AppEnv>, r: Wire): Promise<Answer> {
  const init: RequestInit = { method: r.method, headers: r.headers };
  if (r.body !== undefined) init.body = new Uint8Array(r.body);
  const res = await app.request(new Request(r.url, init));
  return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
}

/** What is wrong with the answer to a request the contract refuses, or null. */
function verdict(a: Answer): string | null {
  if (a.status >= 500) return `answered ${a.status}`;
  if (a.status < 400) return `answered ${a.status}, not a refusal`;
  if (!/^application\/json\b/.test(a.contentType ?? '')) return `answered ${a.status} as ${a.contentType ?? 'no content type'}, not JSON`;
  let body: unknown;
  try {
    body = JSON.parse(a.text);
  } catch {
    return `answered ${a.status} with a body that is not JSON: ${a.text.slice(0, 200)}`;
  }
  const error = ApiError.safeParse(body);
  if (!error.success) return `answered ${a.status} with JSON that is not { error: { code, message } }: ${a.text.slice(0, 200)}`;
  if (error.data.error.code === '' || error.data.error.message === '') return `answered ${a.status} with an empty code or message`;
  return null;
}

interface RouteStats {
  sent: number;
  discarded: number;
  ms: number;
  statuses: Map<number, number>;
  families: Map<string, number>;
}

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

describe.each(availableBackends())('fuzz: invalid requests on $name', (backend) => {
  let t: TestDatabase;
  let app: Hono<AppEnv>;
  let world: World;
  let g: GenContext;
  let before: Snapshot;
  const stats = new Map<TargetName, RouteStats>();

  beforeAll(async () => {
    t = await backend.create();
    app = createApp({ db: t.db });
    world = await makeWorld(t.db, app);
    g = {
      world,
      knowledge: {
        index: await loadIndex(t.db),
        activeTokens: new Map([[world.a.token, world.a.teamId], [world.b.token, world.b.teamId]]),
      },
    };
    before = await snapshot(t.db, [world.a.teamId, world.b.teamId]);
    console.log(`fuzz on ${backend.name}: seed ${SEED} (FUZZ_SEED=${SEED} replays it), ${PER_ROUTE} requests per route`);
  });
  afterAll(() => t.dispose());

  it('aims at every endpoint of ENDPOINTS, at least 10,000 requests in all', () => {
    const names = TARGETS.map((target) => target.name);
    expect(names).toEqual(expect.arrayContaining([...ENDPOINT_NAMES]));
    expect(PER_ROUTE * TARGETS.length).toBeGreaterThanOrEqual(MIN_TOTAL);
  });

  it.each(TARGETS.map((target) => [target.name, target] as const))(
    '%s: every request is refused with a 4xx JSON error and writes nothing',
    async (name, target) => {
      const s: RouteStats = { sent: 0, discarded: 0, ms: 0, statuses: new Map(), families: new Map() };
      stats.set(name, s);
      const rowsBefore = await countRows(t.db);
      const failures: string[] = [];
      const started = performance.now();
      for (let i = 0; i < PER_ROUTE; i++) {
        const r = generateRequest(SEED, target, i, g);
        s.discarded += r.discarded;
        bump(s.families, r.family);
        let problem: string | null;
        try {
          const answer = await send(app, r);
          bump(s.statuses, answer.status);
          problem = verdict(answer);
          if (problem !== null) problem = `${problem} (body ${answer.text.slice(0, 200)})`;
        } catch (err) {
          problem = `could not be sent or answered: ${String(err)}`;
        }
        s.sent++;
        if (problem !== null) failures.push(`${problem} — ${reproduction(r, SEED)}`);
      }
      s.ms = performance.now() - started;
      expect(failures.slice(0, 15), `${failures.length} of ${PER_ROUTE} requests to ${name} were answered wrongly`).toEqual([]);
      expect(await countRows(t.db), `requests to ${name} wrote rows`).toEqual(rowsBefore);
    },
    600_000,
  );

  it('reads at the edges answer below 500, with the contract\'s body and none of the other team\'s data', async () => {
    const theirs = new Map([
      [world.a.token, await identifyingStrings(t.db, world.b, world.a)],
      [world.b.token, await identifyingStrings(t.db, world.a, world.b)],
    ]);
    const probes = boundaryReads(world);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const p of probes) {
      const target = TARGETS.find((x) => x.name === p.target);
      const answer = await send(app, p);
      bump(statuses, answer.status);
      const sent = `${p.url} ${p.body === undefined ? '' : Buffer.from(p.body).toString('utf8')}`;
      const leaked = (theirs.get(p.headers.authorization?.slice('Bearer '.length) ?? '') ?? []).filter((s) => answer.text.includes(s) && !sent.includes(s));
      let problem: string | null = null;
      if (answer.status >= 200 && answer.status < 300) {
        const body: unknown = JSON.parse(answer.text);
        if (target?.response.safeParse(body).success !== true) problem = `answered ${answer.status} with a body outside the contract`;
        else if (leaked.length > 0) problem = `answered with the other team's ${leaked.join(', ')}`;
      } else {
        problem = verdict(answer);
        if (problem === null && leaked.length > 0) problem = `refused with the other team's ${leaked.join(', ')}`;
      }
      if (problem !== null) failures.push(`${problem}: ${p.note} — ${p.method} ${p.url} → ${answer.text.slice(0, 200)}`);
    }
    console.log(`reads at the edges on ${backend.name}: ${probes.length} sent, ${[...statuses].sort(([x], [y]) => x - y).map(([c, n]) => `${c}:${n}`).join(' ')}`);
    expect(failures).toEqual([]);
    expect(probes.length).toBeGreaterThan(200);
  });

  it('sent every request, and no team\'s export, row count or row changed', async () => {
    const counts = Object.fromEntries(TARGETS.map((target) => [target.name, stats.get(target.name)?.sent ?? 0]));
    expect(counts).toEqual(Object.fromEntries(TARGETS.map((target) => [target.name, PER_ROUTE])));
    const after = await snapshot(t.db, [world.a.teamId, world.b.teamId]);
    expect(after.exports[world.a.teamId]).toEqual(before.exports[world.a.teamId]);
    expect(after.exports[world.b.teamId]).toEqual(before.exports[world.b.teamId]);
    expect(after.rows).toEqual(before.rows);
    expect(after.digests).toEqual(before.digests);

    const lines = [...stats].map(([name, s]) => {
      const statuses = [...s.statuses].sort(([x], [y]) => x - y).map(([code, n]) => `${code}:${n}`).join(' ');
      const families = [...s.families].sort(([, x], [, y]) => y - x).map(([f, n]) => `${f}:${n}`).join(' ');
      return `  ${name.padEnd(18)} ${String(s.sent).padStart(5)} sent ${String(s.discarded).padStart(5)} drafts discarded ${(s.ms / 1000).toFixed(1).padStart(5)} s | ${statuses} | ${families}`;
    });
    const total = [...stats.values()].reduce((n, s) => n + s.sent, 0);
    const ms = [...stats.values()].reduce((n, s) => n + s.ms, 0);
    console.log(`fuzz on ${backend.name}, seed ${SEED}: ${total} requests in ${(ms / 1000).toFixed(1)} s\n${lines.join('\n')}`);
  });
});
