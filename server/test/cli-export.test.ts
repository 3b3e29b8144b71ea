import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../bundle/index';
import { openDb } from '../db';
import { pgliteDir } from '../runtime/config';
import { makeTeam } from './support/fixtures';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs `crm export` with its stdout on a pipe. `readAfterMs` holds the reading end unread for
 * that long first, so the bundle outgrows the pipe's buffer while the CLI is finishing;
 * `closeAfterBytes` closes the reading end once that much has arrived (a reader that gave up).
 */
function runExport(dir: string, opts: { readAfterMs?: number; closeAfterBytes?: number; args?: string[] }): Promise<Run> {
  const child = spawn(TSX, ['server/cli.ts', 'export', ...(opts.args ?? [])], {
    env: { ...process.env, CRM_DATA_DIR: dir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  let received = 0;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.pause();
  setTimeout(() => {
    child.stdout.on('data', (d: Buffer) => {
      chunks.push(d);
      received += d.length;
      if (opts.closeAfterBytes !== undefined && received >= opts.closeAfterBytes) child.stdout.destroy();
    });
    child.stdout.resume();
  }, opts.readAfterMs ?? 0);
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks), stderr })),
  );
}

describe('crm export through a pipe', () => {
  let dir: string;
  let expected: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crm-export-'));
    const db = await openDb({ dataDir: pgliteDir(dir) });
    try {
      const team = await makeTeam(db, 'alpha', 'alpha-client.co.id');
      // A few megabytes of history: far more than a pipe buffers (64 KiB on Linux).
      await db.query(
        `insert into interactions (id, team_id, account_id, kind, direction, occurred_at, summary, author_id, contact_ids)
         select gen_random_uuid(), $1, $2, 'note', 'internal', now() - make_interval(mins => g), repeat('Called about the renewal. ', 20), $3, '{}'
           from generate_series(1, 5000) g`,
        [team.teamId, team.accountId, team.userId],
      );
      expected = `${JSON.stringify(await exportBundle(db, team.teamId), null, 2)}\n`;
    } finally {
      await db.close();
    }
    expect(expected.length).toBeGreaterThan(1_000_000);
  }, 120_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the whole bundle to a slow reader and exits 0', async () => {
    const run = await runExport(dir, { readAfterMs: 1500 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBe(Buffer.byteLength(expected));
    expect(run.stdout.toString('utf8')).toBe(expected);
  }, 120_000);

  it('exits non-zero and says why when the reader goes away mid-bundle', async () => {
    const run = await runExport(dir, { closeAfterBytes: 100_000 });
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.stderr).toMatch(/the export was not written completely.*EPIPE/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
  }, 120_000);

  it('with --out, writes the file whole or not at all', async () => {
    const file = join(dir, 'backup.json');
    const run = await runExport(dir, { args: ['--out', file] });
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(expected);

    const missing = join(dir, 'no-such-folder', 'backup.json');
    const failed = await runExport(dir, { args: ['--out', missing] });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/the export was not written to .*backup\.json: .*ENOENT/);
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  }, 120_000);
});
