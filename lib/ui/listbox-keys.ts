/**
 * What a key does in a search box that lists its results below (a combobox with a listbox):
 * ↓/↑ move the active result, wrapping round; Enter picks the active one; Escape clears what was
 * typed. `null`: the key is the box's own (typing, moving the caret), left to the browser.
 */
export type ListboxKey = { type: 'move'; active: number } | { type: 'pick'; index: number } | { type: 'clear' } | null;

export function listboxKey(key: string, active: number, count: number, typed: string): ListboxKey {
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    if (count === 0) return null;
    const step = key === 'ArrowDown' ? 1 : -1;
    return { type: 'move', active: (Math.min(active, count - 1) + step + count) % count };
  }
  if (key === 'Enter') return count > 0 ? { type: 'pick', index: Math.min(Math.max(active, 0), count - 1) } : null;
  if (key === 'Escape') return typed !== '' ? { type: 'clear' } : null;
  return null;
}

/** Does what `listboxKey` says for a key pressed in the box, so each combobox wires only its own state. */
export function handleListboxKey<T>(
  event: { key: string; preventDefault(): void },
  hits: readonly T[],
  active: number,
  typed: string,
  to: { move(active: number): void; clear(): void; pick(hit: T): void },
): void {
  const action = listboxKey(event.key, active, hits.length, typed);
  if (!action) return;
  event.preventDefault();
  if (action.type === 'move') to.move(action.active);
  else if (action.type === 'clear') to.clear();
  else {
    const hit = hits[action.index];
    if (hit) to.pick(hit);
  }
}
