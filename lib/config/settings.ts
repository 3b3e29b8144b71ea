import { z } from 'zod';
import { Domain, Email } from '../api';
import { LANGUAGES } from './languages';
import { isSafeApiUrl } from './loopback';

/** An address or a whole domain that is never sent to the CRM. */
export const NeverLookUpEntry = z.union([Email, Domain]);

/**
 * Why an address was refused, as codes rather than words: this module is shared with the
 * background, and the options page words each code in the user's language (settings-draft.ts).
 */
export const API_URL_ISSUE = {
  missing: 'api-url-missing',
  invalid: 'api-url-invalid',
  credentials: 'api-url-credentials',
  /** Plain http to another computer: the token would cross the network unencrypted. */
  insecure: 'api-url-insecure-http',
} as const;

// zod runs a refinement even after the step before it failed: these leave what does not parse
// to the issue already raised.
const parses = (u: string) => URL.canParse(u);

/** An http(s) address, no query or fragment, stored without a trailing slash; wherever it points. */
const WebAddress = z
  .string()
  .trim()
  .min(1, API_URL_ISSUE.missing)
  .pipe(z.url({ protocol: /^https?$/, error: API_URL_ISSUE.invalid }))
  .refine((u) => !parses(u) || (new URL(u).username === '' && new URL(u).password === ''), API_URL_ISSUE.credentials)
  .transform((u) => {
    const url = new URL(u);
    url.search = '';
    url.hash = '';
    return url.toString().replace(/\/+$/, '');
  });

/** The CRM's base URL: https to any host, plain http only to this computer (see loopback.ts). */
export const ApiUrl = WebAddress.refine((u) => !parses(u) || isSafeApiUrl(u), API_URL_ISSUE.insecure);

/** An address checked with `schema`, or empty while the CRM is not set up; its issues kept as they are. */
function savedAddress(schema: z.ZodType<string, string>) {
  return z
    .string()
    .trim()
    .transform((u, ctx) => {
      if (u === '') return '';
      const parsed = schema.safeParse(u);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    });
}

/** The saved address: a valid ApiUrl, or empty while the CRM is not set up. */
export const SavedApiUrl = savedAddress(ApiUrl);

/** Everything the user configures; lives in the background's IndexedDB, never in storage.local. */
export const Settings = z.object({
  apiUrl: SavedApiUrl,
  token: z.string().trim().max(500),
  /** The user's own company: colleagues' addresses are never looked up. */
  companyDomains: z.array(Domain).max(50),
  neverLookUp: z.array(NeverLookUpEntry).max(1000),
  /** The language the extension speaks; absent: the browser's (settings saved before it existed have none). */
  language: z.enum(LANGUAGES).optional(),
});
export type Settings = z.infer<typeof Settings>;

/**
 * Settings as read back from the database. An older version saved any http address, so the
 * address is only checked for being one: a plain-http address to another computer is kept (the
 * options page shows it, to be changed to https) instead of the whole settings being dropped,
 * and the background refuses to send the token there (connection.ts).
 */
export const StoredSettings = Settings.extend({ apiUrl: savedAddress(WebAddress) });

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
