import { serve } from '@hono/node-server';
import { connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db';
import { openDb } from '../db';
import { makeTeam, type TeamFixture } from './support/fixtures';

/** A real listening server whose handled requests can be awaited (the abort is handled after the socket is gone). */
async function listen(db: Db) {
  const app = createApp({ db });
  let running = 0;
  let idle: (() => void)[] = [];
  const server = serve({
    fetch: async (req, env) => {
      running++;
      try {
        return await app.fetch(req, env);
      } finally {
        running--;
        if (running === 0) for (const done of idle.splice(0)) done();
      }
    },
    port: 0,
    hostname: '127.0.0.1',
  }) as Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    /** Resolves once a request has started and every one has been answered. */
    async settled(): Promise<void> {
      for (let i = 0; running === 0 && i < 100; i++) await new Promise((r) => setTimeout(r, 10));
      if (running > 0) await new Promise<void>((resolve) => idle.push(resolve));
      idle = [];
    },
  };
}

function open(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.once('connect', () => resolve({ socket, received: () => text, closed }));
    socket.once('error', reject);
  });
}

describe('a request body the client cuts off', () => {
  let db: Db;
  let f: TeamFixture;
  let srv: Awaited<ReturnType<typeof listen>>;
  let logged: MockInstance<typeof console.error>;

  beforeAll(async () => {
    db = await openDb();
    f = await makeTeam(db, 'alpha', 'alpha-client.co.id');
    srv = await listen(db);
  });
  afterAll(async () => {
    await new Promise<void>((r) => srv.server.close(() => r()));
    await db.close();
  });
  afterEach(() => logged.mockRestore());

  const head = (extra: string) =>
    `POST /v1/interactions HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nAuthorization: Bearer ${f.token}\r\n` +
    `Content-Type: application/json\r\n${extra}\r\n`;
  const partial = `{"accountId":"${'x'.repeat(20)}`;

  /** What console.error received, one string per call. */
  const lines = () => logged.mock.calls.map((args) => args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));

  it.each([
    ['a declared length, connection destroyed', `Content-Length: 1000\r\n`, partial, 'destroy'],
    ['a chunked body, connection destroyed', `Transfer-Encoding: chunked\r\n`, `${partial.length.toString(16)}\r\n${partial}\r\n`, 'destroy'],
    ['a declared length, the client done sending', `Content-Length: 1000\r\n`, partial, 'end'],
  ] as const)('%s: quiet, no stack trace, and a 400 when the socket still takes one', async (_label, header, body, how) => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { socket, received, closed } = await open(srv.port);
    socket.write(head(header));
    socket.write(body);
    await new Promise((r) => setTimeout(r, 50));
    if (how === 'destroy') socket.destroy();
    else socket.end();
    await srv.settled();
    await closed;
    const out = lines();
    expect(out.length).toBeLessThanOrEqual(1);
    for (const line of out) {
      expect(line).not.toMatch(/\n\s+at /);
      expect(line.length).toBeLessThan(200);
    }
    if (how === 'end') expect(received()).toMatch(/^HTTP\/1\.1 400 /);
    // The server carries on.
    const health = await fetch(`http://127.0.0.1:${srv.port}/v1/health`);
    expect(health.status).toBe(200);
    expect(await db.query<{ n: number }>('select count(*)::int as n from interactions')).toMatchObject({ rows: [{ n: 0 }] });
  });

  it('a failure of the server itself, with the whole body read, is still logged with its stack', async () => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing: Db = {
      ...db,
      query: db.query.bind(db),
      exec: db.exec.bind(db),
      close: db.close.bind(db),
      transaction: () => Promise.reject(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })),
    };
    const other = await listen(failing);
    try {
      const res = await fetch(`http://127.0.0.1:${other.port}/v1/interactions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${f.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ accountId: f.accountId, kind: 'note', summary: 'x' }),
      });
      expect(res.status).toBe(500);
      expect(lines().join('\n')).toMatch(/ECONNRESET[\s\S]*\n\s+at /);
    } finally {
      await new Promise<void>((r) => other.server.close(() => r()));
    }
  });
});
