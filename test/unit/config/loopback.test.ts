import { describe, expect, it } from 'vitest';
import { createCrmClient } from '../../../lib/background/crm-client';
import { isSafeApiUrl } from '../../../lib/config/loopback';
import { API_URL_ISSUE, ApiUrl, Settings, StoredSettings } from '../../../lib/config/settings';
import { ProblemError } from '../../../lib/messaging/problem-error';
import { parseDraft, savedErrors } from '../../../lib/ui/settings-draft';

const INSECURE_WORDS = 'Use https:// for a CRM on another computer. Plain http is allowed only for a CRM on this computer (localhost, 127.0.0.1 or [::1]), so that your token never crosses the network unencrypted.';

describe('where the token may be sent', () => {
  it.each<[string, string, string | null]>([
    // https: anywhere
    ['https to another computer', 'https://crm.example.com', 'https://crm.example.com'],
    ['https to an address on the network', 'https://10.0.0.5:8443/api', 'https://10.0.0.5:8443/api'],
    ['https to this computer', 'https://localhost:8787', 'https://localhost:8787'],
    // plain http: this computer only
    ['http to localhost', 'http://localhost:8787', 'http://localhost:8787'],
    ['http to LOCALHOST in capitals', 'HTTP://LOCALHOST:8787/', 'http://localhost:8787'],
    ['http to 127.0.0.1', 'http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http to 127.1 (read as 127.0.0.1)', 'http://127.1:8787', 'http://127.0.0.1:8787'],
    ['http to 127.0.0.1 in hex', 'http://0x7f000001:8787', 'http://127.0.0.1:8787'],
    ['http to [::1]', 'http://[::1]:8787', 'http://[::1]:8787'],
    ['http to [::1] written out', 'http://[0:0:0:0:0:0:0:1]:8787', 'http://[::1]:8787'],
    ['http to localhost with a path', 'http://localhost/crm/', 'http://localhost/crm'],
    ['http to another computer', 'http://crm.example.com', API_URL_ISSUE.insecure],
    ['http to an address on the network', 'http://192.168.1.20:8787', API_URL_ISSUE.insecure],
    ['http to a name that starts like localhost', 'http://localhost.evil.example', API_URL_ISSUE.insecure],
    ['http to a name that ends like localhost', 'http://evil-localhost', API_URL_ISSUE.insecure],
    ['http to a subdomain of localhost (might go to DNS)', 'http://crm.localhost:8787', API_URL_ISSUE.insecure],
    ['http to localhost with a trailing dot', 'http://localhost.:8787', API_URL_ISSUE.insecure],
    ['http to 127.0.0.1 with a trailing dot (read as 127.0.0.1)', 'http://127.0.0.1.:8787', 'http://127.0.0.1:8787'],
    ['http to a name that resolves to 127.0.0.1', 'http://127.0.0.1.nip.io:8787', API_URL_ISSUE.insecure],
    ['http to another loopback address than the three', 'http://127.0.0.2:8787', API_URL_ISSUE.insecure],
    ['http to 0.0.0.0', 'http://0.0.0.0:8787', API_URL_ISSUE.insecure],
    ['http to IPv4 mapped into IPv6', 'http://[::ffff:127.0.0.1]:8787', API_URL_ISSUE.insecure],
    ['http with 127.0.0.1 as user name of another host', 'http://127.0.0.1@evil.example', API_URL_ISSUE.credentials],
    ['http with localhost as user and password', 'http://localhost:8787@evil.example', API_URL_ISSUE.credentials],
    ['https with a user name and password', 'https://me:secret@crm.example.com', API_URL_ISSUE.credentials],
    // not an address at all
    ['an empty address', '', API_URL_ISSUE.missing],
    ['no scheme', 'crm.example.com', API_URL_ISSUE.invalid],
    ['another scheme', 'ftp://crm.example.com', API_URL_ISSUE.invalid],
  ])('%s: %s', (_, input, expected) => {
    const parsed = ApiUrl.safeParse(input);
    if (expected === null || expected.includes('://')) {
      expect(parsed.success && parsed.data).toBe(expected);
      expect(isSafeApiUrl(input)).toBe(true);
    } else {
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(expected);
      expect(isSafeApiUrl(input)).toBe(false);
    }
  });

  it('refuses whatever does not parse', () => {
    expect(isSafeApiUrl('not a url')).toBe(false);
    expect(isSafeApiUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('settings with a plain-http address to another computer', () => {
  const legacy = { apiUrl: 'http://crm.office.lan:8787/', token: 'tok', companyDomains: [], neverLookUp: [] };

  it('can no longer be saved', () => {
    const parsed = Settings.safeParse(legacy);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['apiUrl'], message: API_URL_ISSUE.insecure });
  });

  it('are still read back as an older version saved them, for the user to see and change', () => {
    expect(StoredSettings.parse(legacy)).toEqual({ ...legacy, apiUrl: 'http://crm.office.lan:8787' });
    expect(StoredSettings.safeParse({ ...legacy, apiUrl: 'ftp://crm.office.lan' }).success).toBe(false);
  });

  it('are refused in the options form with words that say what to do', () => {
    const result = parseDraft({ apiUrl: 'http://crm.office.lan:8787', token: 'tok', companyDomains: '', neverLookUp: '' });
    expect(result).toEqual({ ok: false, errors: { apiUrl: INSECURE_WORDS } });
    expect(parseDraft({ apiUrl: 'http://127.0.0.1:8787', token: 'tok', companyDomains: '', neverLookUp: '' }).ok).toBe(true);
  });

  it('show that message in the options page as soon as it opens', () => {
    expect(savedErrors({ ...legacy, apiUrl: 'http://crm.office.lan:8787' })).toEqual({ apiUrl: INSECURE_WORDS });
    expect(savedErrors({ ...legacy, apiUrl: 'https://crm.office.lan' })).toEqual({});
    expect(savedErrors({ ...legacy, apiUrl: '' })).toEqual({});
  });

  it('never reach the network through the CRM client, whoever calls it', async () => {
    let fetched = 0;
    const fetch = (async () => {
      fetched++;
      return new Response('{}');
    }) as typeof globalThis.fetch;
    const error = await createCrmClient({ apiUrl: 'http://crm.office.lan:8787', token: 'tok' }, { fetch })('me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem).toEqual({ kind: 'insecure-url', url: 'http://crm.office.lan:8787' });
    expect(fetched).toBe(0);
  });
});
