import { Worker } from 'node:worker_threads';
import type { HttpLoadInput, HttpLoadOutput } from './http-worker';

/**
 * The worker's entry: registers tsx's loader in the worker itself, then loads the TypeScript
 * worker, so it starts however the benchmark was launched (tsx, `node --import tsx`, profilers).
 */
function workerEntry(): URL {
  const loader = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./http-worker.ts', import.meta.url).href;
  const code = `const { register } = await import(${JSON.stringify(loader)});\nregister();\nawait import(${JSON.stringify(worker)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** Runs the HTTP load generator in a worker thread and waits for its figures. */
export function httpLoad(input: HttpLoadInput): Promise<HttpLoadOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry(), { workerData: input });
    worker.once('message', (out: HttpLoadOutput) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load generator stopped with code ${code}`));
    });
  });
}
