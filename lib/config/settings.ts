import { z } from 'zod';
import { Domain, Email } from '../api';

/** An address or a whole domain that is never sent to the CRM. */
export const NeverLookUpEntry = z.union([Email, Domain]);

/** The CRM's base URL: http(s) only, no query or fragment; stored without a trailing slash. */
export const ApiUrl = z
  .string()
  .trim()
  .min(1, 'enter the CRM address, e.g. https://crm.example.com')
  .pipe(z.url({ protocol: /^https?$/, error: 'a web address starting with https:// or http://' }))
  .transform((u) => {
    const url = new URL(u);
    url.search = '';
    url.hash = '';
    return url.toString().replace(/\/+$/, '');
  });

/** The saved address: a valid ApiUrl, or empty while the CRM is not set up. */
export const SavedApiUrl = z
  .string()
  .trim()
  .refine((u) => u === '' || ApiUrl.safeParse(u).success, 'a web address starting with https:// or http://')
  .transform((u) => (u === '' ? '' : ApiUrl.parse(u)));

/** Everything the user configures; lives in the background's IndexedDB, never in storage.local. */
export const Settings = z.object({
  apiUrl: SavedApiUrl,
  token: z.string().trim().max(500),
  /** The user's own company: colleagues' addresses are never looked up. */
  companyDomains: z.array(Domain).max(50),
  neverLookUp: z.array(NeverLookUpEntry).max(1000),
});
export type Settings = z.infer<typeof Settings>;

export const EMPTY_SETTINGS: Settings = { apiUrl: '', token: '', companyDomains: [], neverLookUp: [] };

/** Settings that can reach the CRM. */
export type Connection = { apiUrl: string; token: string };

export function connectionOf(settings: Settings): Connection | null {
  return settings.apiUrl && settings.token ? { apiUrl: settings.apiUrl, token: settings.token } : null;
}

/** The match pattern that host permission is asked for: exactly the CRM's origin. */
export function originPattern(apiUrl: string): string {
  return `${new URL(apiUrl).origin}/*`;
}

/** Splits a textarea's content (lines, commas, spaces) into trimmed non-empty entries. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
