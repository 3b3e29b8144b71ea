/** Letters that do not decompose into a base letter plus a mark (Polish, Vietnamese, German…). */
const FOLD: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd' };

/** A name reduced for comparison: no accents, no case, no punctuation, "Last, First" turned round. */
export function normaliseName(raw: string): string[] {
  const turned = raw.includes(',') ? raw.split(',').map((s) => s.trim()).reverse().join(' ') : raw;
  return turned
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łđøßæœıþð]/g, (ch) => FOLD[ch] ?? ch)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
}

/** Every word of `short` is a word of `long`, or an initial of one ("O. Kuznetsova"). */
function covers(short: readonly string[], long: readonly string[]): boolean {
  const left = [...long];
  for (const word of short) {
    const i = left.findIndex((w) => w === word || (word.length === 1 && w.startsWith(word)));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

/**
 * The one contact a display name probably refers to: the same words in any order, or, failing
 * that, a shorter form of exactly one contact's name ("Olga K", "Kuznetsova"). Null when there is
 * no candidate or more than one, so the sidebar never picks between two people.
 */
export function matchByName<T extends { name: string }>(displayName: string, contacts: readonly T[]): T | null {
  const wanted = normaliseName(displayName);
  if (wanted.length === 0) return null;
  const named = contacts.map((c) => ({ c, words: normaliseName(c.name) }));
  const same = named.filter((n) => sameTokens(n.words, wanted));
  if (same.length > 0) return same.length === 1 ? (same[0]?.c ?? null) : null;
  const partial = named.filter((n) => n.words.length > 0 && (covers(wanted, n.words) || covers(n.words, wanted)));
  return partial.length === 1 ? (partial[0]?.c ?? null) : null;
}
