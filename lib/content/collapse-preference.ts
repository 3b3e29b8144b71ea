import { storage } from 'wxt/utils/storage';

/** Whether the user folded the sidebar to its tab; remembered per browser profile. */
export interface CollapsePreference {
  get(): Promise<boolean>;
  set(collapsed: boolean): Promise<void>;
}

/**
 * A UI preference only, so it may live in `storage.local` (readable by content scripts); CRM data
 * never goes there.
 */
const collapsedItem = storage.defineItem<boolean>('local:sidebarCollapsed', { fallback: false });

export const collapsePreference: CollapsePreference = {
  get: () => collapsedItem.getValue(),
  set: (collapsed) => collapsedItem.setValue(collapsed),
};
