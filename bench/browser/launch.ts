import { chromium } from 'playwright-core';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_EXTENSION, type LaunchedExtension } from '../../test/browser/support/launch-extension';

/**
 * The browser tests' launcher (test/browser/support/launch-extension.ts) for any built folder:
 * a copy of `dir` with the loopback CRM origin granted, loaded into Chromium with a fresh profile.
 * The profiling scripts load the source-mapped analysis build through it.
 */
export async function launchBuilt(dir = BUILT_EXTENSION, grantedOrigins = ['http://127.0.0.1/*']): Promise<LaunchedExtension> {
  const root = await mkdtemp(join(tmpdir(), 'ext-bench-'));
  const extension = join(root, 'extension');
  await cp(dir, extension, { recursive: true });
  const path = join(extension, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...grantedOrigins];
  await writeFile(path, JSON.stringify(manifest));
  // Playwright watches the worker's network traffic by default (events for every request over
  // the driver's pipe); nothing here needs them.
  process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
  const context = await chromium.launchPersistentContext(join(root, 'profile'), {
    headless: true,
    executablePath: '/usr/bin/chromium',
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      // No name resolves but loopback: whatever a mail fixture points at fails at once, without the
      // request interception that would otherwise have to stop it (see session.ts).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const close = async () => {
    await context.close();
    await rm(root, { recursive: true, force: true });
  };
  try {
    const isExtension = (url: string) => url.startsWith('chrome-extension://');
    const worker = context.serviceWorkers().find((w) => isExtension(w.url()))
      ?? (await context.waitForEvent('serviceworker', { predicate: (w) => isExtension(w.url()), timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    return { context, worker, extensionId, url: (p) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
