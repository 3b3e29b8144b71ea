import { serve } from '@hono/node-server';
import { Agent, request } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openDb, type Db } from '../db';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../http/rate-limit';
import { client } from './support/client';
import { insertAccount, insertContact, makeTeam, type TeamFixture } from './support/fixtures';

const BURST = 200;
const B_REQUESTS = 10;

/**
 * Token A fires BURST lookups at once while token B sends requests one after another. Measured by
 * order, not time: how many of A's requests were answered while each of B's was under way. The
 * embedded database runs one statement at a time in arrival order, so with nothing between them
 * one of B's requests waits behind A's whole burst.
 */
async function burstAgainst(db: Db, a: TeamFixture, b: TeamFixture, emails: string[], rateLimits?: RateLimits) {
  const app = createApp({ db, ...(rateLimits ? { rateLimits } : {}) });
  const apiA = client(app, a.token);
  const apiB = client(app, b.token);
  // Only answered lookups count: a 429 costs the database nothing and B never waits for one.
  let aDone = 0;
  const aStatuses: number[] = [];
  const burst = Array.from({ length: BURST }, () =>
    apiA.post('/v1/lookup', { emails }).then((r) => {
      if (r.status === 200) aDone++;
      aStatuses.push(r.status);
    }),
  );
  const during: number[] = [];
  const bStatuses: number[] = [];
  for (let i = 0; i < B_REQUESTS; i++) {
    const before = aDone;
    const res = await apiB.get('/v1/me');
    bStatuses.push(res.status);
    during.push(aDone - before);
  }
  const aDoneWhenBFinished = aDone;
  await Promise.all(burst);
  return { during, bStatuses, aStatuses, aDoneWhenBFinished };
}

/** One request over a keep-alive agent; resolves with the status once the whole answer is read. */
function send(agent: Agent, port: number, token: string, method: string, path: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent, host: '127.0.0.1', port, method, path,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }) },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The same over sockets, where what the app never sees matters too: A keeps CONNECTIONS requests
 * in flight on as many connections (each sends its next as soon as it is answered) while B sends
 * one after another. Over HTTP a statement on the embedded database is answered within the same
 * run of microtasks that sent it, so without the limiter the event loop answers every A request
 * ready on a socket before it reads B's.
 */
async function socketsAgainst(db: Db, a: TeamFixture, b: TeamFixture, emails: string[], rateLimits?: RateLimits) {
  const CONNECTIONS = 48;
  const app = createApp({ db, ...(rateLimits ? { rateLimits } : {}) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const agentA = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const agentB = new Agent({ keepAlive: true, maxSockets: 1 });
  const body = JSON.stringify({ emails });
  let aDone = 0;
  let stop = false;
  try {
    // Both tokens known before the burst (a new token's first request is a probe).
    expect(await send(agentA, port, a.token, 'POST', '/v1/lookup', body)).toBe(200);
    expect(await send(agentB, port, b.token, 'GET', '/v1/me')).toBe(200);
    const loops = Array.from({ length: CONNECTIONS }, async () => {
      while (!stop) if ((await send(agentA, port, a.token, 'POST', '/v1/lookup', body)) === 200) aDone++;
    });
    await new Promise((r) => setTimeout(r, 200));
    const during: number[] = [];
    const bStatuses: number[] = [];
    for (let i = 0; i < B_REQUESTS; i++) {
      const before = aDone;
      bStatuses.push(await send(agentB, port, b.token, 'GET', '/v1/me'));
      during.push(aDone - before);
    }
    stop = true;
    await Promise.all(loops);
    return { during, bStatuses };
  } finally {
    agentA.destroy();
    agentB.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('fairness on the embedded database', () => {
  let db: Db;
  let a: TeamFixture;
  let b: TeamFixture;
  let emails: string[];

  beforeAll(async () => {
    db = await openDb();
    a = await makeTeam(db, 'alpha', 'alpha-client.co.id');
    b = await makeTeam(db, 'beta', 'beta-client.ro');
    emails = [];
    for (let i = 0; i < 40; i++) {
      const accountId = await insertAccount(db, a.teamId, { name: `Client ${i}`, ownerId: a.userId, domains: [`client-${i}.example`] });
      await insertContact(db, a.teamId, accountId, `Person ${i}`, [`person@client-${i}.example`]);
      emails.push(`person@client-${i}.example`, `stranger@client-${i}.example`);
    }
  });
  afterAll(() => db.close());

  it('with the default limits, B is answered between A\'s requests, not behind A\'s whole burst', async () => {
    const r = await burstAgainst(db, a, b, emails, DEFAULT_RATE_LIMITS);
    expect(r.bStatuses).toEqual(Array(B_REQUESTS).fill(200));
    // A's burst meets its own limits: some answered, the rest told to retry later.
    expect(r.aStatuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(r.aStatuses.every((s) => s === 200 || s === 429)).toBe(true);
    const admitted = r.aStatuses.filter((s) => s === 200).length;
    // Each of B's requests waits for at most the few of A's that run at once (4) and the
    // statements already queued, never for the bulk of what A has admitted.
    expect(Math.max(...r.during)).toBeLessThanOrEqual(3 * DEFAULT_RATE_LIMITS.inFlight!.running);
    expect(r.aDoneWhenBFinished).toBeLessThan(admitted);
  });

  it('over sockets too: B waits for a few of A\'s requests, not all those A has in flight', async () => {
    // No token bucket here: A keeps its connections busy for as long as the test needs them.
    const capped = await socketsAgainst(db, a, b, emails, { ...DEFAULT_RATE_LIMITS, token: null, address: null });
    expect(capped.bStatuses).toEqual(Array(B_REQUESTS).fill(200));
    const uncapped = await socketsAgainst(db, a, b, emails);
    expect(uncapped.bStatuses).toEqual(Array(B_REQUESTS).fill(200));
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    expect(median(capped.during)).toBeLessThanOrEqual(3 * DEFAULT_RATE_LIMITS.inFlight!.running);
    expect(median(uncapped.during)).toBeGreaterThan(median(capped.during));
  });

  it('(the same without limits: one of B\'s requests waits for most of A\'s burst)', async () => {
    const r = await burstAgainst(db, a, b, emails);
    expect(r.bStatuses).toEqual(Array(B_REQUESTS).fill(200));
    expect(Math.max(...r.during)).toBeGreaterThan(BURST / 2);
  });
});
