/**
 * The hosts a CRM may be reached at over plain http: this computer, under the three names the
 * manifest's optional http host permissions list, so the rule and what the browser can grant
 * agree (a match pattern cannot name 127.0.0.0/8, and a name like `crm.localhost` might still be
 * sent to a DNS server). Written as the URL parser leaves a hostname: lower case, IPv4 in dotted
 * decimal (`127.1` and `0x7f000001` become `127.0.0.1`), IPv6 compressed and in brackets.
 */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Whether the API token may be sent to `url`: https to any host, plain http only to this
 * computer, and never an address carrying a user name or password. Anything that does not parse
 * is not safe. Works on the parsed host, so `http://127.0.0.1@evil.example` (host
 * evil.example), `http://127.0.0.1.nip.io` and `http://localhost.evil.example` are refused.
 */
export function isSafeApiUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:') return parsed.hostname !== '';
  return parsed.protocol === 'http:' && LOOPBACK_HOSTS.includes(parsed.hostname);
}
