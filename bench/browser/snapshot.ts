import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_EXTENSION } from '../../test/browser/support/launch-extension';

export interface BuildSnapshot {
  dir: string;
  /** The commit the tree was at when the snapshot was taken (the build may hold uncommitted work). */
  commit: string;
  remove: () => void;
}

/**
 * A copy of `.output/chrome-mv3` taken under the build lock (`flock /tmp/build.lock`, which
 * `npm run build` is run under here), so a rebuild cannot swap files under the benchmark: sizes
 * are read from it and the browser loads it.
 */
export function snapshotBuild(lock = '/tmp/build.lock'): BuildSnapshot {
  const root = mkdtempSync(join(tmpdir(), 'ext-snapshot-'));
  const dir = join(root, 'chrome-mv3');
  execFileSync('flock', [lock, 'cp', '-r', BUILT_EXTENSION, dir]);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  return { dir, commit, remove: () => rmSync(root, { recursive: true, force: true }) };
}
