import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_EXTENSION } from './launch-extension';

/** The browser, open on a profile that outlives it, with one extension page to talk to the worker from. */
export interface OpenBrowser {
  context: BrowserContext;
  extensionId: string;
  /** An extension page (the options page): its messages count as the extension's own. */
  page: Page;
  /** A CDP session on that page, with the ServiceWorker domain enabled. */
  cdp: CDPSession;
}

/**
 * A copy of the built extension (with `grantedOrigins` added, see launchExtension) and a profile
 * folder that survive closing the browser, so a test can close it and open it again as a user
 * does. The extension keeps its id, and so its IndexedDB, because its folder doesn't move.
 */
export interface ExtensionProfile {
  open: () => Promise<OpenBrowser>;
  dispose: () => Promise<void>;
}

export async function createExtensionProfile(grantedOrigins: string[]): Promise<ExtensionProfile> {
  const root = await mkdtemp(join(tmpdir(), 'ext-profile-'));
  const extension = join(root, 'extension');
  await cp(BUILT_EXTENSION, extension, { recursive: true });
  const manifestPath = join(extension, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...grantedOrigins];
  await writeFile(manifestPath, JSON.stringify(manifest));
  let current: BrowserContext | null = null;

  return {
    async open() {
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
      current = context;
      const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
      const worker = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 60_000 }));
      const extensionId = new URL(worker.url()).host;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      // The ServiceWorker domain lives on page targets in this Chromium, not on the browser target.
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      return { context, extensionId, page, cdp };
    },
    async dispose() {
      await current?.close().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
