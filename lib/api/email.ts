// Plain functions, no schema: content scripts use them and must not carry zod.

/** Trims and lower-cases an address so that one person has one key. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** The part after the last `@`, lower-case; `''` for something that is not an address. */
export function emailDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : normaliseEmail(address.slice(at + 1));
}
