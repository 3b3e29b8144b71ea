import type { MailSite } from './types';

/**
 * The one list of the mail sites the extension works on and the hosts each is served from
 * (https only). Everything else derives from it: the manifest's web-accessible-resource matches
 * (wxt.config.ts), each content script's `matches`, the origins the sidebar frame accepts a
 * channel from (lib/sidebar/frame-link.ts) and the URL routes' host checks. A new host is one line
 * here. No zod and no DOM: wxt.config.ts imports this file too. Each site's list is its own
 * constant, so a content script carries only its own site's hosts.
 */
export const GMAIL_HOSTS: readonly string[] = ['mail.google.com'];
export const OUTLOOK_HOSTS: readonly string[] = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'];

export const MAIL_HOSTS: Readonly<Record<MailSite, readonly string[]>> = { gmail: GMAIL_HOSTS, outlook: OUTLOOK_HOSTS };

/** Match patterns for hosts: a content script's `matches`. */
export function matchesOf(hosts: readonly string[]): string[] {
  return hosts.map((host) => `https://${host}/*`);
}

/** Every mail site's match patterns: the pages that may frame the sidebar. */
export const MAIL_MATCHES: readonly string[] = /* @__PURE__ */ matchesOf(/* @__PURE__ */ Object.values(MAIL_HOSTS).flat());

/** Every mail site's origin: the pages the sidebar frame accepts its channel from. */
export const MAIL_ORIGINS: readonly string[] = /* @__PURE__ */ Object.values(MAIL_HOSTS).flat().map((host) => `https://${host}`);

/** `url` parsed, when it is a page of one of `hosts`; null for anything else, malformed included. */
export function urlOn(url: string, hosts: readonly string[]): URL | null {
  try {
    const parsed = new URL(url);
    return hosts.includes(parsed.hostname) ? parsed : null;
  } catch {
    return null;
  }
}
