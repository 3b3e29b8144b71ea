import { Agent } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { type BenchRequest, send } from './http-request';

export interface HttpLoadInput {
  origin: string;
  token: string;
  requests: BenchRequest[];
  concurrency: number;
  seconds: number;
  /** Stop after this many passes over `requests` (each request sent this many times), if sooner. */
  passes?: number;
  /** A pause after each answer, for a client that paces itself like a person (fairness.ts); none by default. */
  pauseMs?: number;
}

export interface HttpLoadOutput {
  latenciesMs: number[];
  errors: number;
  firstError: string | null;
  seconds: number;
}

/**
 * The load generator, in its own thread so that it doesn't share the server's event loop: keeps
 * `concurrency` keep-alive connections busy, each sending its next request as soon as the last
 * one's answer has been read, until the time is up (or the passes are done).
 */
async function main(input: HttpLoadInput): Promise<HttpLoadOutput> {
  const origin = new URL(input.origin);
  const agent = new Agent({ keepAlive: true, maxSockets: input.concurrency });
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const started = performance.now();
  const deadline = started + input.seconds * 1000;
  const total = input.passes === undefined ? Infinity : input.passes * input.requests.length;
  const loop = async () => {
    while (performance.now() < deadline && next < total) {
      const r = input.requests[next++ % input.requests.length]!;
      const t0 = performance.now();
      try {
        const status = await send(agent, origin, input.token, r);
        if (status !== 200) throw new Error(`${r.method} ${r.path} answered ${status}`);
        latenciesMs.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      if (input.pauseMs) await new Promise((resolve) => setTimeout(resolve, input.pauseMs));
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latenciesMs, errors, firstError, seconds };
}

main(workerData as HttpLoadInput).then(
  (out) => parentPort?.postMessage(out),
  (error: unknown) => {
    throw error;
  },
);
