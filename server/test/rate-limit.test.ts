import { serve } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import type { AddressInfo, Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { Db, Queryable } from '../db';
import { LruMap } from '../http/lru-map';
import type { RateLimits } from '../http/rate-limit';
import { fullBucket, refund, take } from '../http/token-bucket';
import { hashToken } from '../store/tokens';
import { createToken } from '../store/users';
import { availableBackends, type TestDatabase } from './support/backends';
import { client } from './support/client';
import { makeTeam, type TeamFixture } from './support/fixtures';

const OFF: RateLimits = { token: null, inFlight: null, address: null, trustedProxies: [] };

describe('token bucket', () => {
  it('gives `burst` at once, then one per 60000/perMinute ms, and says how long to wait', () => {
    const rate = { perMinute: 60, burst: 2 };
    const b = fullBucket(rate, 0);
    expect([take(b, rate, 0), take(b, rate, 0)]).toEqual([0, 0]);
    expect(take(b, rate, 0)).toBe(1000);
    expect(take(b, rate, 400)).toBe(600);
    expect(take(b, rate, 1000)).toBe(0);
    // Never more than the burst, however long it rested.
    expect(take(b, rate, 1_000_000)).toBe(0);
    expect(take(b, rate, 1_000_000)).toBe(0);
    expect(take(b, rate, 1_000_000)).toBeGreaterThan(0);
    refund(b, rate);
    expect(take(b, rate, 1_000_000)).toBe(0);
  });
});

describe('LruMap', () => {
  it('holds at most `max` entries, forgetting the least recently used', () => {
    const m = new LruMap<number>(3);
    for (let i = 0; i < 1000; i++) m.set(`k${i}`, i);
    expect(m.size).toBe(3);
    expect(m.get('k999')).toBe(999);
    expect(m.get('k0')).toBeUndefined();
    m.get('k997');
    m.set('new', 1);
    expect(m.get('k997')).toBe(997);
    expect(m.get('k998')).toBeUndefined();
  });

  it('passes over busy entries for a while, but stays bounded when all are busy', () => {
    const m = new LruMap<{ busy: boolean }>(2, (v) => v.busy);
    m.set('a', { busy: true });
    m.set('b', { busy: false });
    m.set('c', { busy: false });
    expect(m.get('a')).toBeDefined();
    expect(m.get('b')).toBeUndefined();
    const all = new LruMap<{ busy: boolean }>(2, (v) => v.busy);
    for (let i = 0; i < 100; i++) all.set(`k${i}`, { busy: true });
    expect(all.size).toBe(2);
  });
});

/** A database whose statements wait until the test lets them through, counting those started. */
function gatedDb(db: Db) {
  let open = false;
  let waiting: (() => void)[] = [];
  let started = 0;
  const gate = async () => {
    started++;
    if (!open) await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const wrap = (q: Queryable): Queryable => ({
    query: async (sql, params, name) => {
      await gate();
      return q.query(sql, params, name);
    },
    exec: async (sql) => {
      await gate();
      return q.exec(sql);
    },
  });
  const gated: Db = { ...wrap(db), kind: db.kind, transaction: (fn) => db.transaction((tx) => fn(wrap(tx))), close: () => db.close() };
  return {
    db: gated,
    started: () => started,
    release() {
      open = true;
      for (const go of waiting.splice(0)) go();
    },
    close() {
      open = false;
      waiting = [];
    },
  };
}

describe.each(availableBackends())('rate limits on $name', (backend) => {
  let t: TestDatabase;
  let a: TeamFixture;
  let b: TeamFixture;

  beforeAll(async () => {
    t = await backend.create();
    a = await makeTeam(t.db, 'alpha', 'alpha-client.co.id');
    b = await makeTeam(t.db, 'beta', 'beta-client.ro');
  });
  afterAll(() => t.dispose());

  /** An app on a clock the test moves. */
  const limited = (limits: Partial<RateLimits>) => {
    let ms = 0;
    const app = createApp({ db: t.db, rateLimits: { ...OFF, ...limits, now: () => ms } });
    return { app, tick: (by: number) => void (ms += by) };
  };

  it('without rateLimits, nothing is limited', async () => {
    const app = createApp({ db: t.db });
    const answers = await Promise.all(Array.from({ length: 150 }, () => client(app, a.token).get('/v1/me')));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const anonymous = await Promise.all(Array.from({ length: 150 }, () => client(app).get('/v1/health')));
    expect(anonymous.every((r) => r.status === 200)).toBe(true);
  });

  it('per token: a burst, then 429 rate_limited with Retry-After in seconds; other tokens go on', async () => {
    const { app, tick } = limited({ token: { perMinute: 30, burst: 3 } });
    const mine = client(app, a.token);
    for (let i = 0; i < 3; i++) expect((await mine.get('/v1/me')).status).toBe(200);
    const refused = await mine.get('/v1/me');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/retry in 2 s/) } });
    // The answer is like every other: JSON, with the security headers.
    expect(refused.headers.get('content-type')).toMatch(/application\/json/);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await client(app, b.token).get('/v1/me')).status).toBe(200);
    // Writes and the self-authenticating reads count the same way.
    expect((await mine.post('/v1/lookup', { emails: [a.email] })).status).toBe(429);
    tick(2000);
    expect((await mine.post('/v1/lookup', { emails: [a.email] })).status).toBe(200);
    expect((await mine.get('/v1/me')).status).toBe(429);
  });

  it('per address: requests without a working token; a token that has worked is not held back by them', async () => {
    const { app, tick } = limited({ address: { perMinute: 60, burst: 4 } });
    expect((await client(app, a.token).get('/v1/me')).status).toBe(200);
    const lookupToken = await createToken(t.db, b.userId);
    expect((await client(app, lookupToken).post('/v1/lookup', { emails: [b.email] })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await client(app, `crm_guess-${i}`).get('/v1/me')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // Requests without a token are counted apart from token attempts, and limited the same way.
    const health: number[] = [];
    for (let i = 0; i < 4; i++) health.push((await client(app).get('/v1/health')).status);
    expect(health).toEqual([200, 200, 200, 200]);
    const refused = await client(app).get('/v1/health');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(refused.headers.get('retry-after')).toBe('1');
    // Known to work (by the auth middleware, and by the lookup's own statement): not affected.
    expect((await client(app, a.token).get('/v1/me')).status).toBe(200);
    expect((await client(app, lookupToken).post('/v1/lookup', { emails: [b.email] })).status).toBe(200);
    // A working token never seen before meets the address's limit too: it may be a guess.
    expect((await client(app, await createToken(t.db, a.userId)).get('/v1/me')).status).toBe(429);
    tick(1000);
    expect((await client(app).get('/v1/health')).status).toBe(200);
  });

  it('requests without a token (what any web page can send) never hold back a token\'s first request', async () => {
    const { app } = limited({ address: { perMinute: 1, burst: 2 } });
    const anonymous: number[] = [];
    for (let i = 0; i < 4; i++) anonymous.push((await client(app).get('/v1/health')).status);
    expect(anonymous).toEqual([200, 200, 429, 429]);
    // As after a restart: a valid token the limiter has never seen.
    expect((await client(app, await createToken(t.db, a.userId)).get('/v1/me')).status).toBe(200);
  });

  it('a working token\'s first request is charged to its address and given back once it worked', async () => {
    const { app } = limited({ address: { perMinute: 1, burst: 2 } });
    for (let i = 0; i < 6; i++) {
      const token = await createToken(t.db, a.userId);
      expect((await client(app, token).get('/v1/me')).status, `token ${i}`).toBe(200);
    }
    expect((await client(app, 'crm_guess').get('/v1/me')).status).toBe(401);
    expect((await client(app, 'crm_guess').get('/v1/me')).status).toBe(401);
    expect((await client(app, 'crm_guess').get('/v1/me')).status).toBe(429);
  });

  it('a token that stops working (revoked) counts against its address again', async () => {
    const { app } = limited({ address: { perMinute: 1, burst: 2 } });
    const token = await createToken(t.db, a.userId);
    expect((await client(app, token).get('/v1/me')).status).toBe(200);
    await t.db.query('update api_tokens set revoked_at = now() where token_hash = $1', [hashToken(token)]);
    const after = [];
    for (let i = 0; i < 4; i++) after.push((await client(app, token).get('/v1/me')).status);
    expect(after).toEqual([401, 401, 401, 429]);
  });

  it('random tokens cannot push working ones out of memory, and memory stays bounded', async () => {
    const { app } = limited({ address: { perMinute: 1, burst: 1 }, token: { perMinute: 1, burst: 1000 }, maxKeys: 20 });
    expect((await client(app, a.token).get('/v1/me')).status).toBe(200);
    // Many distinct tokens: each one meets the (exhausted) address limit before any query.
    const flood = await Promise.all(Array.from({ length: 500 }, () => client(app, `crm_${randomUUID()}`).get('/v1/me')));
    expect(flood.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(499);
    expect((await client(app, a.token).get('/v1/me')).status).toBe(200);
  });

  it('per token in flight: a few run, more wait in that token\'s queue, beyond it 429; other tokens are not queued behind', async () => {
    const gate = gatedDb(t.db);
    const app = createApp({ db: gate.db, rateLimits: { ...OFF, inFlight: { running: 2, queued: 2, maxWaitMs: 30_000 } } });
    const burst = Array.from({ length: 6 }, () => client(app, a.token).get('/v1/me'));
    await new Promise((r) => setTimeout(r, 50));
    // Two of A's are at the database; two wait their turn; two were refused at once.
    expect(gate.started()).toBe(2);
    const other = client(app, b.token).get('/v1/me');
    await new Promise((r) => setTimeout(r, 50));
    expect(gate.started()).toBe(3);
    gate.release();
    const statuses = (await Promise.all(burst)).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect((await other).status).toBe(200);
    const refused = (await Promise.all(burst)).find((r) => r.status === 429);
    expect(refused?.headers.get('retry-after')).toBe('1');
  });

  it('a request that waited too long in its token\'s queue is answered 429', async () => {
    const gate = gatedDb(t.db);
    const app = createApp({ db: gate.db, rateLimits: { ...OFF, inFlight: { running: 1, queued: 5, maxWaitMs: 100 } } });
    const first = client(app, a.token).get('/v1/me');
    const second = client(app, a.token).get('/v1/me');
    const late = await second;
    expect(late.status).toBe(429);
    gate.release();
    expect((await first).status).toBe(200);
  });

  describe('over a socket: the client address', () => {
    let server: Server;
    let base: string;
    let current: ReturnType<typeof createApp>;
    beforeAll(async () => {
      server = serve({ fetch: (req, env) => current.fetch(req, env), port: 0, hostname: '127.0.0.1' }) as Server;
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const health = async (forwarded?: string) =>
      (await fetch(`${base}/v1/health`, { headers: forwarded === undefined ? {} : { 'X-Forwarded-For': forwarded } })).status;

    it('is the socket\'s: X-Forwarded-For is ignored unless the peer is a trusted proxy', async () => {
      current = createApp({ db: t.db, rateLimits: { ...OFF, address: { perMinute: 1, burst: 2 } } });
      expect([await health('10.0.0.1'), await health('10.0.0.2'), await health('10.0.0.3')]).toEqual([200, 200, 429]);
    });

    it('behind a trusted proxy, the last hop it did not add: clients apart, spoofed hops to the left ignored', async () => {
      current = createApp({ db: t.db, rateLimits: { ...OFF, address: { perMinute: 1, burst: 2 }, trustedProxies: ['127.0.0.1'] } });
      expect([await health('10.0.0.1'), await health('10.0.0.1'), await health('10.0.0.1')]).toEqual([200, 200, 429]);
      expect(await health('10.0.0.2')).toBe(200);
      // A client cannot escape its limit by naming someone else first: the proxy appends its peer.
      expect(await health('10.9.9.9, 10.0.0.1')).toBe(429);
      // Proxies in a chain, all trusted: the client is the last hop before them.
      expect(await health('10.0.0.1, 127.0.0.1')).toBe(429);
    });
  });
});
