import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { incomingOf } from './node-request';

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same client. */
export const normaliseAddress = (address: string): string => address.trim().toLowerCase().replace(/^::ffff:(?=\d+\.)/, '');

/**
 * The client's address, from the socket. X-Forwarded-For is believed only when the socket's peer
 * is one of `trustedProxies` (an operator setting), and then only up to the first hop, counted
 * from the right, that is not itself a trusted proxy: entries left of it are whatever the client
 * chose to send. In-process calls (tests) have no socket and share one name.
 */
export function clientAddress(c: Context, trustedProxies: ReadonlySet<string>): string {
  if (incomingOf(c) === undefined) return 'in-process';
  let address = normaliseAddress(getConnInfo(c).remote.address ?? 'unknown');
  if (trustedProxies.size === 0 || !trustedProxies.has(address)) return address;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map(normaliseAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    address = hops[i] ?? address;
    if (!trustedProxies.has(address)) break;
  }
  return address;
}
