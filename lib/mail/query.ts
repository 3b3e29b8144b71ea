import type { SelectorEntry, SelectorFallback } from './selector-table';

/**
 * Lookups through a site's selector table (`selector-table.ts`), the same for every site. Each one tries the entry's fallbacks in order and stops at
 * the first that finds something. None of them throw: a selector the browser rejects or a node
 * that is not an element counts as "not found".
 */

/** Every element under `root` that `css` finds (none when the browser rejects it). */
export function findAllOf(root: ParentNode, css: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(css));
  } catch {
    return [];
  }
}

function safeFirst(root: ParentNode, css: string): Element | null {
  try {
    return root.querySelector(css);
  } catch {
    return null;
  }
}

export function safeMatches(el: Element, css: string): boolean {
  try {
    return el.matches(css);
  } catch {
    return false;
  }
}

/** The first element found by the first fallback that finds any. */
export function findFirst(root: ParentNode, entry: SelectorEntry): Element | null {
  for (const { css } of entry.fallbacks) {
    const hit = safeFirst(root, css);
    if (hit) return hit;
  }
  return null;
}

/** All elements found by the first fallback that finds any. */
export function findAll(root: ParentNode, entry: SelectorEntry): Element[] {
  for (const { css } of entry.fallbacks) {
    const hits = findAllOf(root, css);
    if (hits.length > 0) return hits;
  }
  return [];
}

/** Whether the element itself matches one of the entry's fallbacks. */
export function matchesAny(el: Element, entry: SelectorEntry): boolean {
  return entry.fallbacks.some(({ css }) => safeMatches(el, css));
}

/** `el` itself when it matches `css`, else its first descendant that does. */
function selfOrDescendant(el: Element, css: string): Element | null {
  if (safeMatches(el, css)) return el;
  return safeFirst(el, css);
}

/**
 * The value of an id-like attribute, from the first of `scopes` (and the first fallback) that has
 * one. Gmail writes `'undefined'` into some id attributes before it knows the id; that is no id.
 * `first`, when the caller already knows it: per scope, what the first fallback finds there.
 */
export function readAttr(scopes: readonly Element[], entry: SelectorEntry, first?: readonly (Element | null)[]): string | null {
  const { fallbacks } = entry;
  for (let f = 0; f < fallbacks.length; f++) {
    const { css, attr } = fallbacks[f] as SelectorFallback;
    if (!attr) continue;
    for (let i = 0; i < scopes.length; i++) {
      const holder = f === 0 && first ? first[i] : selfOrDescendant(scopes[i] as Element, css);
      const value = holder?.getAttribute(attr)?.trim();
      if (value && value !== 'undefined') return value;
    }
  }
  return null;
}

/** The nearest of `el` and its ancestors found by the first fallback that finds one. */
export function closestOf(el: Element, entry: SelectorEntry): Element | null {
  for (const { css } of entry.fallbacks) {
    try {
      const hit = el.closest(css);
      if (hit) return hit;
    } catch {
      // A selector the browser rejects finds nothing.
    }
  }
  return null;
}

/** The attribute the fallback that matched `el` reads from, if any. */
export function attrFor(el: Element, entry: SelectorEntry): string | undefined {
  return entry.fallbacks.find(({ css }) => safeMatches(el, css))?.attr;
}

/** Drops elements nested in another element of the list (a persona inside a persona). */
export function outermost(elements: readonly Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}
