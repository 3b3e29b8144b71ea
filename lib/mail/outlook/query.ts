import * as shared from '../gmail/query';
import type { SelectorEntry } from '../gmail/selectors';
import type { OutlookSelectorEntry } from './selectors';

/**
 * The selector-table lookups are the Gmail module's (ordered fallbacks, never throwing). Its
 * entry type names Gmail's fixture pages, which the lookups never read, so an Outlook entry is
 * handed over without them.
 */
function bare(entry: OutlookSelectorEntry): SelectorEntry {
  return { name: entry.name, fallbacks: entry.fallbacks, fixtures: [] };
}

export function findFirst(root: ParentNode, entry: OutlookSelectorEntry): Element | null {
  return shared.findFirst(root, bare(entry));
}

export function findAll(root: ParentNode, entry: OutlookSelectorEntry): Element[] {
  return shared.findAll(root, bare(entry));
}

export function matchesAny(el: Element, entry: OutlookSelectorEntry): boolean {
  return shared.matchesAny(el, bare(entry));
}

export function readAttr(scopes: readonly Element[], entry: OutlookSelectorEntry): string | null {
  return shared.readAttr(scopes, bare(entry));
}

/** The attribute the fallback that matched `el` reads from, if any. */
export function attrFor(el: Element, entry: OutlookSelectorEntry): string | undefined {
  return entry.fallbacks.find(({ css }) => shared.safeMatches(el, css))?.attr;
}

/** Drops elements nested in another element of the list (a persona inside a persona). */
export function outermost(elements: readonly Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}
