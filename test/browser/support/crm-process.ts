import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** One run of the CRM server process on a data folder that outlives it. */
export interface CrmProcess {
  url: string;
  port: number;
  /** SIGTERM (a clean stop) or SIGKILL (a crash); resolves once the process is gone. */
  stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<void>;
}

/**
 * A CRM server that can be stopped and started again on the same port and data folder, as an
 * outage looks from the browser. The demo token is printed on the first start only.
 */
export interface RestartableCrm {
  dataDir: string;
  token: string;
  url: string;
  port: number;
  running: () => boolean;
  start: () => Promise<void>;
  stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<void>;
  /** Stops it and removes the data folder. */
  dispose: () => Promise<void>;
}

export async function startRestartableCrm(timeoutMs = 90_000): Promise<RestartableCrm> {
  const dataDir = await mkdtemp(join(tmpdir(), 'crm-data-'));
  let current: CrmProcess | null = null;
  const first = await runCrm(dataDir, 0, timeoutMs);
  current = first.process;
  const port = first.process.port;
  const crm: RestartableCrm = {
    dataDir,
    token: first.token ?? '',
    url: first.process.url,
    port,
    running: () => current !== null,
    async start() {
      if (current) return;
      current = (await runCrm(dataDir, port, timeoutMs)).process;
    },
    async stop(signal = 'SIGTERM') {
      const was = current;
      current = null;
      await was?.stop(signal);
    },
    async dispose() {
      await crm.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  if (!crm.token) {
    await crm.dispose();
    throw new Error('the CRM printed no demo token on its first start');
  }
  return crm;
}

async function runCrm(dataDir: string, port: number, timeoutMs: number): Promise<{ process: CrmProcess; token: string | null }> {
  // tsx as a loader rather than its CLI: one process, so a SIGKILL stops the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), CRM_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ url: string; token: string | null }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`CRM server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /CRM API listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        done({ url, token: /Demo token: (\S+)/.exec(output)?.[1] ?? null });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`CRM server exited with ${code}:\n${output}`));
    });
  });
  try {
    const { url, token } = await ready;
    const process: CrmProcess = { url, port: Number(new URL(url).port), stop: (signal) => stopChild(child, signal) };
    return { process, token };
  } catch (error) {
    await stopChild(child, 'SIGKILL');
    throw error;
  }
}

function stopChild(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill(signal);
  });
}
