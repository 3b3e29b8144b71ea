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
