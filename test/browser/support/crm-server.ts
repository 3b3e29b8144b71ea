import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningCrm {
  url: string;
  token: string;
  stop: () => Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Starts the project's CRM server on a free loopback port (PORT=0) with a fresh embedded
 * database, waits for its listening line and captures the demo token it prints on first start.
 */
export async function startCrmServer(timeoutMs = 90_000): Promise<RunningCrm> {
  const dataDir = await mkdtemp(join(tmpdir(), 'crm-data-'));
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', CRM_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ url: string; token: string }>((done, fail) => {
    let token = '';
    const timer = setTimeout(() => fail(new Error(`CRM server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      token ||= /Demo token: (\S+)/.exec(output)?.[1] ?? '';
      const url = /CRM API listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        if (token) done({ url, token });
        else fail(new Error(`CRM server printed no demo token:\n${output}`));
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
    return { url, token, stop: () => stopChild(child).then(() => rm(dataDir, { recursive: true, force: true })) };
  } catch (error) {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
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
