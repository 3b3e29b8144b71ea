/**
 * A map that holds at most `max` entries: adding one more forgets the least recently used, so a
 * flood of new keys (random tokens, many addresses) costs bounded memory. Entries for which `busy`
 * holds (requests still running on them) are passed over for a few steps; forgetting one anyway
 * only gives its key a fresh start, since whoever holds it keeps using it.
 */
export class LruMap<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly max: number,
    private readonly busy: (value: V) => boolean = () => false,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value, marked as just used (a Map iterates in insertion order: oldest first). */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.evictOne();
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private evictOne(): void {
    let victim: string | undefined;
    let looked = 0;
    for (const [key, value] of this.entries) {
      victim ??= key;
      if (!this.busy(value)) {
        victim = key;
        break;
      }
      if (++looked >= 8) break;
    }
    if (victim !== undefined) this.entries.delete(victim);
  }
}
