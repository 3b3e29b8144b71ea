import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { HttpError } from './errors';
import { incomingOf } from './node-request';

/** A name the server answers to; without a port, on any port. */
export interface AllowedHost {
  name: string;
  port?: number;
}

const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/;

/** `name[:port]` lower-cased, or null when it is not a host name (or IP literal) with a valid port. */
export function parseHost(text: string): AllowedHost | null {
  const m = HOST.exec(text.trim().toLowerCase());
  if (!m?.[1]) return null;
  if (m[2] === undefined) return { name: m[1] };
  const port = Number(m[2]);
  return port >= 1 && port <= 65_535 ? { name: m[1], port } : null;
}

const LOOPBACK_V4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** localhost, 127.0.0.0/8 and [::1]: names only this machine reaches, always allowed. */
export function isLoopback(name: string): boolean {
  if (name === 'localhost' || name === '[::1]') return true;
  const m = LOOPBACK_V4.exec(name);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

/** The URL's host; '' (never allowed) if it does not parse. */
function urlHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * Refuses requests whose Host is not a name this server answers to, against DNS rebinding: a page
 * on attacker.example whose name is made to resolve to 127.0.0.1 reaches this server as the
 * same origin, but its requests still say `Host: attacker.example`.
 *
 * A name not allowed answers 421 Misdirected Request (RFC 9110 §15.5.20: this server is not the
 * one to answer for that name), which says what is wrong better than a 400 would: the request is
 * well formed, only sent to the wrong place. A request without Host answers 400, as RFC 9112 §3.2
 * requires of an HTTP/1.1 server. Both are JSON, naming the header.
 */
export function hostCheck(extra: readonly AllowedHost[]): MiddlewareHandler<AppEnv> {
  const allowed = (text: string): boolean => {
    const host = parseHost(text);
    if (!host) return false;
    return isLoopback(host.name) || extra.some((a) => a.name === host.name && (a.port === undefined || a.port === host.port));
  };
  return async (c, next) => {
    // Served from a socket, the Host header itself: @hono/node-server fills in the listening
    // address for a request without one. In-process (tests), the URL's host stands in for it.
    const incoming = incomingOf(c);
    const header = incoming ? incoming.headers.host : (c.req.header('host') ?? urlHost(c.req.url));
    if (header === undefined || header === '') {
      const err = new HttpError(400, 'bad_request', 'the request has no Host header', 'header.host');
      return c.json(err.toBody(), 400);
    }
    // An absolute request target (`GET http://name/path`) overrides Host: both must be allowed.
    if (!allowed(header) || !allowed(urlHost(c.req.url))) {
      const err = new HttpError(
        421, 'misdirected_request',
        'this server does not answer to the host name this request was sent to; its operator can add the name to CRM_ALLOWED_HOSTS',
        'header.host',
      );
      return c.json(err.toBody(), 421);
    }
    return next();
  };
}
