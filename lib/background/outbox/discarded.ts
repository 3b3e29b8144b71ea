import { storage } from 'wxt/utils/storage';

/** Where the keys live; the background passes session storage, tests a plain holder. */
export interface DiscardedArea {
  get(): Promise<string[]>;
  set(keys: string[]): Promise<void>;
}

/** The most keys kept; the oldest go first. */
const KEEP = 200;

/**
 * The writes the user discarded (refused ones, from the popup or a sidebar), newest last, so a
 * page still following one of them can say it was discarded instead of taking its absence from
 * the outbox for the CRM's confirmation. In session storage: a stopped worker keeps them, a
 * closed browser does not (no page from before is left to ask), and only keys are kept.
 */
export function createDiscardedWrites(area: DiscardedArea) {
  // Discards may come together; each waits for the one before it.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    note(key: string): Promise<void> {
      const next = queue.then(async () => {
        const keys = (await area.get()).filter((k) => k !== key);
        keys.push(key);
        await area.set(keys.slice(-KEEP));
      });
      queue = next.catch(() => undefined);
      return next;
    },
    async list(): Promise<string[]> {
      await queue;
      return area.get();
    },
  };
}

export type DiscardedWrites = ReturnType<typeof createDiscardedWrites>;

/** The keys in the extension's session storage. */
export function sessionDiscardedArea(): DiscardedArea {
  const item = storage.defineItem<string[]>('session:discardedWrites', { fallback: [] });
  return { get: () => item.getValue(), set: (keys) => item.setValue(keys) };
}
