/**
 * The session storage item holding the secret that proves a channel handed to the sidebar frame
 * comes from this extension's content script (lib/sidebar/frame-link.ts): written by the background,
 * read there by the sidebar. Content scripts cannot read session storage (its default access
 * level), and a web page can read no extension storage at all.
 */
export const SIDEBAR_KEY_ITEM = 'sidebarKey';

/** 32 random bytes, base64url without padding. */
export function isSidebarKey(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
