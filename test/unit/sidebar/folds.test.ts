import { describe, expect, it } from 'vitest';
import { isFolded, loadFolds, setFolded, type FoldStorage } from '../../../lib/sidebar/folds';

function memoryStorage(initial: Record<string, unknown> = {}): FoldStorage & { items: Record<string, unknown> } {
  const items = { ...initial };
  return {
    items,
    get: async (key) => (key in items ? { [key]: items[key] } : {}),
    set: async (next) => void Object.assign(items, next),
  };
}

describe('folded sidebar sections', () => {
  it('reads what was remembered, ignoring anything that is not a section', async () => {
    await loadFolds(memoryStorage({ sidebarFolds: ['timeline', 'prefs', 'nonsense', 42] }));
    expect(isFolded('timeline')).toBe(true);
    expect(isFolded('prefs')).toBe(true);
    expect(isFolded('risk')).toBe(false);
  });

  it('remembers a fold and an unfold, and leaves every section open when storage fails', async () => {
    const storage = memoryStorage();
    await loadFolds(storage);
    setFolded('log', true);
    setFolded('people', true);
    await Promise.resolve();
    expect(storage.items.sidebarFolds).toEqual(['log', 'people']);
    setFolded('log', false);
    await Promise.resolve();
    expect(storage.items.sidebarFolds).toEqual(['people']);
    await loadFolds({ get: () => Promise.reject(new Error('no storage')), set: () => Promise.reject(new Error('no storage')) });
    expect(isFolded('people')).toBe(false);
    // A save that fails is only not remembered.
    expect(() => setFolded('risk', true)).not.toThrow();
    expect(isFolded('risk')).toBe(true);
  });
});
