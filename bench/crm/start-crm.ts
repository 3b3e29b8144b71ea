import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface BenchCrm {
  url: string;
  token: string;
  /** Requests the server answered so far, by `METHOD /path`. */
  counts: () => Promise<Record<string, number>>;
  /** Handler time per route so far, in ms (`<route> #`: how many). */
  busy: () => Promise<Record<string, number>>;
  /** Resolves once the server has had no request in flight for 100 ms (at most 5 s; `quiet` false then). */
  quiet: () => Promise<{ waitedMs: number; quiet: boolean }>;
  stop: () => Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Starts `serve-crm.ts` in its own process and waits for its token and listening lines. */
export async function startBenchCrm(timeoutMs = 180_000): Promise<BenchCrm> {
  const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(import.meta.dirname, 'serve-crm.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const { url, token } = await new Promise<{ url: string; token: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the CRM did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const token = /Demo token: (\S+)/.exec(output)?.[1];
      const url = /CRM API listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (token && url) {
        clearTimeout(timer);
        done({ url, token });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the CRM exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    token,
    counts: async () => (await (await fetch(`${url}/bench/counts`)).json()) as Record<string, number>,
    busy: async () => (await (await fetch(`${url}/bench/busy`)).json()) as Record<string, number>,
    quiet: async () => (await (await fetch(`${url}/bench/quiet`)).json()) as { waitedMs: number; quiet: boolean },
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}
