import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback port that nothing listens on: it was free a moment ago and was released. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

/** A loopback HTTP server a test started, and how to stop it. */
export interface LocalServer { url: string; stop: () => Promise<void> }

/**
 * An HTTP server that answers every request with 200 and JSON that is not the CRM's contract
 * (with CORS headers, so only the body is wrong).
 */
export async function startNonsenseServer(): Promise<LocalServer> {
  const server: Server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key');
    response.setHeader('Content-Type', 'application/json');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    response.end(JSON.stringify({ hello: 'world', results: 'nope', user: { name: 42 } }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Forwards every request to `target` after `delayMs`, so a test can see the loading state. */
export async function startSlowProxy(target: string, delayMs: number): Promise<LocalServer> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      setTimeout(async () => {
        try {
          const headers = Object.fromEntries(
            Object.entries(request.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host'),
          );
          const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
          const answer = await fetch(`${target}${request.url ?? '/'}`, { method: request.method ?? 'GET', headers, body });
          response.writeHead(answer.status, Object.fromEntries(answer.headers));
          response.end(Buffer.from(await answer.arrayBuffer()));
        } catch {
          response.writeHead(502).end();
        }
      }, delayMs);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise<void>((done) => server.close(() => done())) };
}
