import { toAddress } from '../participants';

/**
 * Pure text helpers for finding a person's address where Outlook puts it: in the header's own
 * text ("Dewi Lestari <dewi@bank-sinar.co.id>"), or in an attribute of the persona element. The
 * words around an address in an aria-label are translated, so only the address is taken from
 * one, never the words.
 */

/** `<address>` anywhere in the text. */
const ANGLED = /<\s*([^<>\s]+@[^<>\s]+)\s*>/;
/** Bare address tokens, bounded by spaces, quotes, brackets or the punctuation of a label. */
const TOKENS = /[^\s:;,()"'<>[\]]+@[^\s:;,()"'<>[\]]+\.[^\s:;,()"'<>[\]]+/g;

/** Collapses runs of whitespace (Outlook's headers are full of them) and trims. */
export function cleanText(raw: string | null | undefined): string {
  return (raw ?? '').replace(/[\s\u200b-\u200f\u2066-\u2069]+/g, ' ').trim();
}

/** The one address in `text`, angled or bare; `null` when there is none or more than one. */
export function addressIn(text: string | null | undefined): string | null {
  const value = cleanText(text);
  if (!value) return null;
  const angled = ANGLED.exec(value);
  if (angled) return toAddress(angled[1]);
  const found = new Set<string>();
  for (const token of value.match(TOKENS) ?? []) {
    const address = toAddress(trimPunctuation(token));
    if (address) found.add(address);
  }
  // Several addresses in one label is a list, not a person; picking one would be a guess.
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/**
 * Splits a shown header text into the display name and its address: "Name <addr>", "addr",
 * or just "Name". The name loses the address; an address shown alone means no name.
 */
export function splitShown(text: string | null | undefined): { name: string; email: string | null } {
  const value = cleanText(text);
  const angled = ANGLED.exec(value);
  if (angled) {
    const name = cleanText(value.replace(ANGLED, ' ')).replace(/^["']|["']$/g, '');
    return { name: cleanText(name), email: toAddress(angled[1]) };
  }
  const bare = toAddress(trimPunctuation(value));
  return bare ? { name: '', email: bare } : { name: value, email: null };
}

/** A `mailto:` link's address, without its query. */
export function mailtoAddress(href: string | null | undefined): string | null {
  if (!href || !/^mailto:/i.test(href.trim())) return null;
  const target = href.trim().slice(7).split('?')[0] ?? '';
  try {
    return toAddress(decodeURIComponent(target));
  } catch {
    return toAddress(target);
  }
}

function trimPunctuation(value: string): string {
  return value.replace(/^[<("'[]+|[>)"'\].,;:]+$/g, '');
}
