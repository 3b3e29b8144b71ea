/** Gmail prefixes some ids with `#` (`#thread-f:178…`); the id is what follows. */
export function cleanId(raw: string): string {
  return raw.charCodeAt(0) === 35 /* # */ ? raw.slice(1) : raw;
}
