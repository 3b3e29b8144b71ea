import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * Where the browser tests put their screenshots: `test-results/screenshots` (not kept), or, with
 * `UPDATE_SCREENSHOTS=1`, `docs/screenshots`, the pictures the README shows. A test run thus
 * leaves the working tree as it found it; pictures are updated on purpose.
 */
export async function screenshotPath(name: string): Promise<string> {
  const root = resolve(import.meta.dirname, '../../..');
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(root, 'docs/screenshots') : resolve(root, 'test-results/screenshots');
  await mkdir(dir, { recursive: true });
  return resolve(dir, name);
}
