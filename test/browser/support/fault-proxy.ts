import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does with one request:
 * - `pass`: forwards it and hands back the answer;
 * - `refuse`: closes the connection at once, as a host that isn't there (nothing reaches the CRM);
 * - `drop-response`: forwards it, lets the CRM answer (and commit), then closes the connection
 *   before a byte of the answer reaches the browser;
 * - `unavailable`: answers 503 itself (nothing reaches the CRM);
 * - `{ delayMs }`: forwards it after a pause.
 */
export type Fault = 'pass' | 'refuse' | 'drop-response' | 'unavailable' | { delayMs: number };

export interface ProxiedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  fault: Fault;
  /** The CRM's status, when the request reached it and it answered. */
  status: number | null;
  replayed: boolean;
  /** When it reached the proxy (epoch ms). */
  at: number;
}

export interface FaultProxy {
  url: string;
  /** Decides each request's fault; `pass` for all until set. */
  setFaults: (decide: (method: string, path: string) => Fault) => void;
  log: ProxiedRequest[];
  stop: () => Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, OPTIONS',
};

/**
 * A loopback HTTP proxy in front of `target` that injects the faults a test asks for. Every
 * answer closes its connection: Chromium quietly resends a request whose reused keep-alive
 * connection closes without an answer, which would hide a dropped answer from the extension.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let decide: (method: string, path: string) => Fault = () => 'pass';
  const log: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const fault = method === 'OPTIONS' ? 'pass' : decide(method, path);
    const key = req.headers['idempotency-key'];
    const entry: ProxiedRequest = { method, path, idempotencyKey: typeof key === 'string' ? key : null, fault, status: null, replayed: false, at: Date.now() };
    log.push(entry);
    if (fault === 'refuse') return void req.socket.destroy();
    if (fault === 'unavailable') {
      res.writeHead(503, { ...CORS, 'Content-Type': 'application/json', connection: 'close' });
      return void res.end(JSON.stringify({ error: { code: 'unavailable', message: 'the CRM is restarting' } }));
    }
    if (typeof fault === 'object') await new Promise((done) => setTimeout(done, fault.delayMs));
    const answer = await send(req, path, body).catch(() => null);
    // The CRM is down: to the browser that is a connection that fails, as without a proxy.
    if (!answer) return void req.socket.destroy();
    entry.status = answer.status;
    entry.replayed = answer.headers['idempotent-replayed'] === 'true';
    if (fault === 'drop-response') return void req.socket.destroy();
    res.writeHead(answer.status, { ...answer.headers, connection: 'close' });
    res.end(answer.body);
  }

  function send(req: IncomingMessage, path: string, body: Buffer) {
    return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((done, fail) => {
      const headers = { ...req.headers, host: upstream.host, connection: 'close' };
      const out = forward({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          const kept = Object.entries(answer.headers).filter(
            (e): e is [string, string] => typeof e[1] === 'string' && !['connection', 'transfer-encoding', 'keep-alive'].includes(e[0]),
          );
          done({ status: answer.statusCode ?? 502, headers: Object.fromEntries(kept), body: Buffer.concat(parts) });
        });
        answer.on('error', fail);
      });
      out.on('error', fail);
      out.end(body);
    });
  }

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setFaults: (next) => {
      decide = next;
    },
    log,
    stop: () =>
      new Promise<void>((done) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => done());
      }),
  };
}
