import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../runtime/data-dir-lock';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

interface Started {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(script: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(TSX, [script, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitFor(read: () => string, pattern: RegExp, exited: Promise<unknown>, ms = 45_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    const m = read().match(pattern);
    if (m) return m;
    if (gone || Date.now() > deadline) throw new Error(`no ${pattern} in output:\n${read()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm run server (server/main.ts)', () => {
  let dir: string;
  let server: Started;
  let base: string;
  let token: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crm-main-'));
    server = start('server/main.ts', [], { PORT: '0', CRM_DATA_DIR: dir, DATABASE_URL: '' });
    const listening = await waitFor(server.stdout, /CRM API listening on (http:\/\/127\.0\.0\.1:(\d+))\n/, server.exited);
    base = listening[1] ?? '';
    token = (await waitFor(server.stdout, /Demo token: (\S+)\n/, server.exited))[1] ?? '';
  });

  afterAll(async () => {
    if (server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('prints exactly one demo token line and the listening line, and answers', async () => {
    expect(server.stdout().match(/Demo token: /g)).toHaveLength(1);
    const health = await fetch(`${base}/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: 'pglite' });
    const me = await fetch(`${base}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
  });

  it('holds the data folder: the CLI and a second server refuse it with advice', async () => {
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    const cli = start('server/cli.ts', ['user', 'add', '--team', 't', '--email', 'a@b.example'], { CRM_DATA_DIR: dir, DATABASE_URL: '' });
    expect(await cli.exited).not.toBe(0);
    expect(cli.stdout()).toBe('');
    expect(cli.stderr()).toMatch(/in use by a running CRM server[\s\S]*DATABASE_URL/);
    const second = start('server/main.ts', [], { PORT: '0', CRM_DATA_DIR: dir, DATABASE_URL: '' });
    expect(await second.exited).not.toBe(0);
    expect(second.stderr()).toMatch(/in use by process/);
  });

  it('stops on SIGTERM, closing the database and freeing the folder', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
