import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Cluster {
  url: string;
  stop(): Promise<void>;
}

/** The newest Debian-style PostgreSQL binaries, or PG_BIN. */
async function findBin(): Promise<string> {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = (await readdir(root).catch(() => [])).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`no PostgreSQL binaries in ${root}; install postgresql, set PG_BIN, or give DATABASE_URL`);
  return join(root, versions[0], 'bin');
}

/** A port nothing listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a private PostgreSQL in a temporary folder, on a free loopback port with its socket in
 * that folder, tuned for throwaway data (no fsync). PostgreSQL refuses to run as root, so under
 * root it runs as the `postgres` user.
 */
export async function startCluster(): Promise<Cluster> {
  const bin = await findBin();
  const dir = await mkdtemp(join(tmpdir(), 'crm-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const exec = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    const settings = [
      `-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off',
      '-c full_page_writes=off', '-c shared_buffers=256MB', '-c max_connections=100',
    ].join(' ');
    await exec('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', settings, 'start']);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch((e: unknown) => console.error('stopping PostgreSQL failed:', e));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
