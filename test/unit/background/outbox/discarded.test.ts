import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDiscardedWrites, sessionDiscardedArea } from '../../../../lib/background/outbox/discarded';

const holder = () => {
  let keys: string[] = [];
  return { get: async () => keys, set: async (next: string[]) => void (keys = next) };
};

describe('discarded writes', () => {
  it('keeps each key once, newest last, the 200 newest at most', async () => {
    const discarded = createDiscardedWrites(holder());
    await Promise.all(Array.from({ length: 205 }, (_, i) => discarded.note(`w-${i}`)));
    await discarded.note('w-10');
    const keys = await discarded.list();
    expect(keys.length).toBe(200);
    expect(keys.slice(0, 2)).toEqual(['w-5', 'w-6']);
    expect(keys.slice(-2)).toEqual(['w-204', 'w-10']);
    expect(keys.filter((k) => k === 'w-10')).toHaveLength(1);
  });

  it('lives in session storage, which a stopped worker keeps', async () => {
    await createDiscardedWrites(sessionDiscardedArea()).note('w-1');
    expect(await createDiscardedWrites(sessionDiscardedArea()).list()).toEqual(['w-1']);
    expect(await fakeBrowser.storage.session.get('discardedWrites')).toEqual({ discardedWrites: ['w-1'] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('still notes the next key after a write to storage failed', async () => {
    const area = holder();
    let fail = true;
    const discarded = createDiscardedWrites({ get: area.get, set: async (keys) => { if (fail) throw new Error('quota'); await area.set(keys); } });
    await expect(discarded.note('w-1')).rejects.toThrow('quota');
    fail = false;
    await discarded.note('w-2');
    expect(await discarded.list()).toEqual(['w-2']);
  });
});
