import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A proxy in front of the CRM that counts the requests it forwards, by method and path. */
export interface CountingProxy {
  url: string;
  count: (method: string, path: string) => number;
  stop: () => Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const counts = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const key = `${request.method ?? 'GET'} ${new URL(request.url ?? '/', 'http://x').pathname}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      try {
        const headers = Object.fromEntries(
          Object.entries(request.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host'),
        );
        const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(`${target}${request.url ?? '/'}`, { method: request.method ?? 'GET', headers, body });
        const out = Object.fromEntries([...answer.headers].filter(([name]) => name !== 'content-encoding' && name !== 'content-length'));
        response.writeHead(answer.status, out);
        response.end(Buffer.from(await answer.arrayBuffer()));
      } catch {
        response.writeHead(502).end();
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: (method, path) => counts.get(`${method} ${path}`) ?? 0,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
