/**
 * Matches a display name Outlook shows without an address ("Mihai Dumitru") against the contacts
 * of an account already known from the thread's addressed people, so the sidebar can say
 * "probably Mihai Dumitru". A name is weaker evidence than an address, so the rules are strict
 * and an unclear case answers `null` rather than a guess:
 *
 * 1. the whole name, ignoring case, diacritics, punctuation and spacing, and reading
 *    "Dumitru, Mihai" as "Mihai Dumitru" (directories often list people surname first);
 * 2. otherwise the first and last words of both names, in either order ("Nurul Ahmad" for
 *    "Nurul Aisyah binti Ahmad", "Popescu Andrei" for "Andrei Popescu"), when both have two words
 *    or more.
 *
 * Each rule must single out one contact; two contacts matching the same rule is ambiguous, and
 * the next rule is not tried (a looser rule cannot settle what a stricter one could not).
 */
export function matchName<C extends { name: string }>(displayName: string, contacts: readonly C[]): C | null {
  const shown = nameWords(displayName);
  if (shown.length === 0) return null;
  const whole = shown.join(' ');
  const byWhole = contacts.filter((c) => nameWords(c.name).join(' ') === whole);
  if (byWhole.length > 0) return byWhole.length === 1 ? (byWhole[0] ?? null) : null;
  if (shown.length < 2) return null;
  const byEnds = contacts.filter((c) => sameEnds(shown, nameWords(c.name)));
  return byEnds.length === 1 ? (byEnds[0] ?? null) : null;
}

/** Letters that do not decompose into a base letter plus a mark. */
const FOLD: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd' };

/** The words of a name, lower-cased without diacritics; "Last, First" is read as "First Last". */
export function nameWords(raw: string): string[] {
  const folded = raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łđøßæœıþð]/g, (ch) => FOLD[ch] ?? ch);
  const parts = folded.split(',');
  // Exactly one comma between two non-empty halves: a surname-first directory entry.
  const ordered = parts.length === 2 && parts.every((p) => /[\p{L}\p{N}]/u.test(p)) ? `${parts[1]} ${parts[0]}` : folded;
  return ordered.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

function sameEnds(a: readonly string[], b: readonly string[]): boolean {
  if (b.length < 2) return false;
  const [aFirst, aLast] = [a[0], a[a.length - 1]];
  const [bFirst, bLast] = [b[0], b[b.length - 1]];
  return (aFirst === bFirst && aLast === bLast) || (aFirst === bLast && aLast === bFirst);
}
