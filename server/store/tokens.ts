import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token: 32 random bytes, base64url, with a prefix that makes it recognisable. */
export function newToken(): string {
  return `crm_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored as their sha256; a leaked database does not hand out working tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
