import { Worker } from 'node:worker_threads';
import type { HttpLoadInput, HttpLoadOutput } from './http-worker';

/** Runs the HTTP load generator in a worker thread and waits for its figures. */
export function httpLoad(input: HttpLoadInput): Promise<HttpLoadOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-worker.ts', import.meta.url), { workerData: input });
    worker.once('message', (out: HttpLoadOutput) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load generator stopped with code ${code}`));
    });
  });
}
