import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built extension; EXTENSION_OUT_DIR (as in wxt.config.ts) points at another build's folder. */
export const BUILT_EXTENSION = resolve(import.meta.dirname, '../../..', process.env.EXTENSION_OUT_DIR ?? '.output', 'chrome-mv3');

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** `chrome-extension://<id>/<path>` */
  url: (path: string) => string;
  close: () => Promise<void>;
}

/**
 * Loads the built extension into Debian's Chromium with a fresh profile.
 *
 * Permission prompts: a click on "Allow" in Chrome's host-permission dialog can't be automated
 * from a page. The extension is therefore copied and `grantedOrigins` are added to the copy's
 * `host_permissions`, which is what the dialog records when the user allows it; the options
 * page's `permissions.request` for that origin then resolves true at once, as it does for a user
 * who allowed it before. Nothing else in the build is changed.
 */
export async function launchExtension(options: { grantedOrigins?: string[] } = {}): Promise<LaunchedExtension> {
  const root = await mkdtemp(join(tmpdir(), 'ext-test-'));
  const extension = join(root, 'extension');
  await cp(BUILT_EXTENSION, extension, { recursive: true });
  if (options.grantedOrigins?.length) {
    const path = join(extension, 'manifest.json');
    const manifest = JSON.parse(await readFile(path, 'utf8')) as { host_permissions?: string[] };
    manifest.host_permissions = [...(manifest.host_permissions ?? []), ...options.grantedOrigins];
    await writeFile(path, JSON.stringify(manifest));
  }
  const context = await chromium.launchPersistentContext(join(root, 'profile'), {
    headless: true,
    executablePath: '/usr/bin/chromium',
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const worker = context.serviceWorkers().find(isExtensionWorker) ?? (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      worker,
      extensionId,
      url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
      close: async () => {
        await context.close();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}
