import { Agent, request } from 'node:http';

/** One API call of the benchmark. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** Sends one request and reads the whole answer; resolves with the status code. */
export function send(agent: Agent, origin: URL, token: string, r: BenchRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent, host: origin.hostname, port: origin.port, method: r.method, path: r.path,
        headers: {
          authorization: `Bearer ${token}`,
          ...(r.body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) }),
        },
      },
      (res) => {
        // The body is read in full, as a client would, so that its cost is measured too.
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}
