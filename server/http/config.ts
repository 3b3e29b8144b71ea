import { isIP } from 'node:net';
import { normaliseAddress } from './client-address';
import { parseHost, type AllowedHost } from './host-check';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limit';

/** How the server meets the outside world: who may call cross-origin, by which names, how often. */
export interface HttpConfig {
  /** CRM_CORS_ORIGINS: exact origins allowed cross-origin; empty, none. */
  corsOrigins: string[];
  /** CRM_ALLOWED_HOSTS: names answered besides the loopback ones. */
  allowedHosts: AllowedHost[];
  /** CRM_RATE_LIMIT, CRM_RATE_BURST, CRM_AUTH_FAIL_LIMIT, CRM_TRUSTED_PROXIES. */
  rateLimits: RateLimits;
}

const list = (value: string | undefined): string[] =>
  (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');

const OFF = /^(0|off)$/i;

/** A whole number of requests per minute, `0`/`off` (null), or the default when unset. */
function perMinute(env: NodeJS.ProcessEnv, name: string): number | null | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (OFF.test(raw)) return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw new Error(`${name} must be a number of requests per minute from 1 to 1000000, or 0 or off to turn it off, not "${env[name]}"`);
  }
  return n;
}

function corsOrigins(env: NodeJS.ProcessEnv): string[] {
  return list(env.CRM_CORS_ORIGINS).map((entry) => {
    if (entry === '*' || entry.toLowerCase() === 'null') {
      throw new Error(`CRM_CORS_ORIGINS lists exact origins; "${entry}" is not allowed (it would let any page call with a token)`);
    }
    let origin: string | null = null;
    try {
      const url = new URL(entry);
      if (url.protocol === 'https:' || url.protocol === 'http:') origin = url.origin;
    } catch {
      // not a URL: refused below
    }
    if (origin !== entry) {
      const hint = origin ? `write it as ${origin}` : 'such as https://crm.example.com';
      throw new Error(`CRM_CORS_ORIGINS must list exact origins (scheme, host and port only), separated by commas; "${entry}" is not one: ${hint}`);
    }
    return entry;
  });
}

function allowedHosts(env: NodeJS.ProcessEnv): AllowedHost[] {
  return list(env.CRM_ALLOWED_HOSTS).map((entry) => {
    const host = parseHost(entry);
    if (!host) {
      throw new Error(`CRM_ALLOWED_HOSTS must list host names with an optional port, separated by commas, such as crm.example.com or crm.example.com:8443; "${entry}" is not one`);
    }
    return host;
  });
}

function rateLimits(env: NodeJS.ProcessEnv): RateLimits {
  const defaults = DEFAULT_RATE_LIMITS;
  const tokenRate = perMinute(env, 'CRM_RATE_LIMIT');
  const rawBurst = env.CRM_RATE_BURST?.trim();
  const burst = rawBurst ? Number(rawBurst) : undefined;
  if (burst !== undefined && (!Number.isInteger(burst) || burst < 1 || burst > 1_000_000)) {
    throw new Error(`CRM_RATE_BURST must be a whole number of requests from 1 to 1000000, not "${env.CRM_RATE_BURST}"`);
  }
  const addressRate = perMinute(env, 'CRM_AUTH_FAIL_LIMIT');
  const trustedProxies = list(env.CRM_TRUSTED_PROXIES).map((entry) => {
    if (isIP(entry) === 0) throw new Error(`CRM_TRUSTED_PROXIES must list IP addresses, separated by commas; "${entry}" is not one`);
    return normaliseAddress(entry);
  });
  let token = defaults.token;
  if (tokenRate === null) token = null;
  else if (tokenRate !== undefined) token = { perMinute: tokenRate, burst: Math.min(defaults.token?.burst ?? tokenRate, tokenRate) };
  if (token && burst !== undefined) token = { ...token, burst };
  let address = defaults.address;
  if (addressRate === null) address = null;
  else if (addressRate !== undefined) address = { perMinute: addressRate, burst: addressRate };
  // Off with the token limit: CRM_RATE_LIMIT=off means this server never holds back a token.
  return { token, inFlight: token ? defaults.inFlight : null, address, trustedProxies };
}

/** Reads the variables above; throws a sentence naming the bad one. */
export function readHttpConfig(env: NodeJS.ProcessEnv): HttpConfig {
  return { corsOrigins: corsOrigins(env), allowedHosts: allowedHosts(env), rateLimits: rateLimits(env) };
}
