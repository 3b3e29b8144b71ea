import { describe, expect, it } from 'vitest';
import { createScopedStore } from '../../../lib/sidebar/scoped-store';

const EMPTY = { text: '' };

describe('createScopedStore', () => {
  it('keeps a value per scope and answers the initial one for a scope never set', () => {
    const store = createScopedStore(EMPTY);
    store.set('thread-1|ana@client.test', { text: 'for Ana' });
    expect(store.get('thread-1|ana@client.test')).toEqual({ text: 'for Ana' });
    expect(store.get('thread-1|boris@client.test')).toBe(EMPTY);
    expect(store.get('thread-2|ana@client.test')).toBe(EMPTY);
  });

  it('updates from the scope’s own previous value, never another’s', () => {
    const store = createScopedStore(EMPTY);
    store.set('a', { text: 'one' });
    store.set('b', (previous) => ({ text: `${previous.text}two` }));
    store.set('a', (previous) => ({ text: `${previous.text} more` }));
    expect([store.get('a'), store.get('b')]).toEqual([{ text: 'one more' }, { text: 'two' }]);
  });

  it.each([
    ['set back to the initial value', EMPTY, []],
    ['set to an equal but other object', { text: '' }, ['a']],
  ])('forgets a scope %s only when it is the initial object', (_, value, left) => {
    const store = createScopedStore(EMPTY);
    store.set('a', { text: 'draft' });
    store.set('a', value);
    expect(store.scopes()).toEqual(left);
  });

  it('drops the scope set longest ago beyond its size, and counts a new set as recent', () => {
    const store = createScopedStore(0, 3);
    for (const scope of ['a', 'b', 'c']) store.set(scope, 1);
    store.set('a', 2);
    store.set('d', 1);
    expect(store.scopes()).toEqual(['c', 'a', 'd']);
    expect(store.get('b')).toBe(0);
  });
});
