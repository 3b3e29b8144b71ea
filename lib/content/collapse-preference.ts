import { browser } from 'wxt/browser';

/** Whether the user folded the sidebar to its tab; remembered per browser profile. */
export interface CollapsePreference {
  get(): Promise<boolean>;
  set(collapsed: boolean): Promise<void>;
}

/**
 * A UI preference only, so it may live in `storage.local` (readable by content scripts); CRM data
 * never goes there. `browser.storage` directly: a storage library would double the content
 * script's size for one boolean.
 */
const KEY = 'sidebarCollapsed';

export const collapsePreference: CollapsePreference = {
  get: async () => (await browser.storage.local.get(KEY))[KEY] === true,
  set: (collapsed) => browser.storage.local.set({ [KEY]: collapsed }),
};
