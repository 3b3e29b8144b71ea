/** Compares by code units, so the order is the same whatever the machine's locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The record as text without its database id: the last tie-breaker, equal only for twins. */
function contentKey(item: unknown): string {
  if (item === null || typeof item !== 'object') return JSON.stringify(item);
  const { id: _id, ...rest } = item as Record<string, unknown>;
  return JSON.stringify(rest);
}

/**
 * A sorted copy, by the given keys and then by content, never by database ids: an export and
 * the export of its re-import list records in the same order.
 */
export function byKeys<T>(items: readonly T[], keys: (item: T) => readonly string[]): T[] {
  const decorated = items.map((item) => ({ item, keys: [...keys(item), contentKey(item)] }));
  decorated.sort((a, b) => {
    for (let i = 0; i < a.keys.length; i++) {
      const order = compare(a.keys[i] ?? '', b.keys[i] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  });
  return decorated.map((d) => d.item);
}

/** `PT Bank "Sinar" & Co` → `pt-bank-sinar-co`; letters of any script are kept. */
export function slug(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * Readable refs made from the data: the account's first domain, else its name as a slug; a
 * repeated ref gets `-2`, `-3` … in content order.
 */
export function accountRefs<A extends { id: string; name: string; domains: readonly string[] }>(accounts: readonly A[]): Map<string, string> {
  const base = (a: A) => a.domains[0] ?? (slug(a.name) || 'account');
  const refs = new Map<string, string>();
  const used = new Map<string, number>();
  for (const a of byKeys(accounts, (x) => [base(x)])) {
    const b = base(a);
    const n = (used.get(b) ?? 0) + 1;
    used.set(b, n);
    refs.set(a.id, n === 1 ? b : `${b}-${n}`);
  }
  return refs;
}
