import { browser } from 'wxt/browser';
import { SIDEBAR_KEY_ITEM, isSidebarKey } from '../messaging/sidebar-key';

/** Where the key is kept; the background passes session storage, tests a plain holder. */
export interface SidebarKeyArea {
  get(): Promise<unknown>;
  set(key: string): Promise<void>;
}

function newKey(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>): string {
  const bytes = random(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The secret a content script hands the sidebar frame with the channel it opens to it, so the
 * sidebar can tell that channel from one a page script offers (lib/sidebar/frame-link.ts). One per
 * browser session, kept in session storage: it survives the worker being stopped (content
 * scripts that asked before still hold it) and is gone when the browser closes. Content scripts
 * ask for it (`sidebarKey`); the sidebar reads it from session storage itself, without waking
 * the worker.
 */
export function createSidebarKey(area: SidebarKeyArea, random = (bytes: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(bytes)) {
  let kept: Promise<string> | null = null;
  async function load(): Promise<string> {
    const stored = await area.get();
    if (isSidebarKey(stored)) return stored;
    const key = newKey(random);
    await area.set(key);
    return key;
  }
  return {
    /** The session's key, made and stored on first use; every caller in this worker gets the same one. */
    get(): Promise<string> {
      kept ??= load().catch((error: unknown) => {
        kept = null;
        throw error;
      });
      return kept;
    },
  };
}

export type SidebarKey = ReturnType<typeof createSidebarKey>;

/** The key in the extension's session storage, under the name the sidebar reads. */
export function sessionSidebarKeyArea(): SidebarKeyArea {
  return {
    get: async () => (await browser.storage.session.get(SIDEBAR_KEY_ITEM))[SIDEBAR_KEY_ITEM],
    set: (key) => browser.storage.session.set({ [SIDEBAR_KEY_ITEM]: key }),
  };
}
