import { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * The Node request beneath a Hono context when @hono/node-server serves it; undefined for
 * in-process calls (`app.request`, the tests), which have no socket.
 */
export function incomingOf(c: Context): IncomingMessage | undefined {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  const incoming = (env as { incoming: unknown }).incoming;
  return incoming instanceof IncomingMessage ? incoming : undefined;
}

/**
 * Whether the client went away before its request body was all sent: Node then fails the body's
 * stream with "aborted" (ECONNRESET). Read from the request itself rather than the error's code,
 * which a lost database connection shares.
 */
export function bodyCutOff(c: Context): boolean {
  const incoming = incomingOf(c);
  return incoming !== undefined && !incoming.complete && (incoming.destroyed || incoming.readableAborted);
}
