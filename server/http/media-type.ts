import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { HttpError } from './errors';
import { incomingOf } from './node-request';

const JSON_TYPE = /^application\/json\s*(?:;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/**
 * Bodies of POST and PATCH must be declared `application/json` (parameters allowed, a charset
 * only if it is UTF-8). Anything else, or no Content-Type on a request with a body, is 415 saying
 * what to send. A `text/plain` or form POST is what any web page can send cross-origin without a
 * preflight; refusing them keeps every body this server reads behind one, whatever else changes.
 */
export const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'POST' && c.req.method !== 'PATCH') return next();
  const type = c.req.header('Content-Type');
  if (type === undefined) return hasBody(c) ? unsupported(c) : next();
  if (!JSON_TYPE.test(type.trim())) return unsupported(c);
  const charset = CHARSET.exec(type)?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return unsupported(c);
  return next();
};

/** From a socket, what the headers say; in-process, whether the Request was given one. */
function hasBody(c: Context<AppEnv>): boolean {
  if (incomingOf(c) === undefined) return c.req.raw.body !== null;
  const length = c.req.header('Content-Length');
  return c.req.header('Transfer-Encoding') !== undefined || (length !== undefined && length.trim() !== '0');
}

const unsupported = (c: Context<AppEnv>): Response => {
  const err = new HttpError(415, 'unsupported_media_type', 'send the body as JSON with "Content-Type: application/json"', 'header.content-type');
  return c.json(err.toBody(), 415);
};
