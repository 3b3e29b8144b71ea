import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesHead, changesSince, recordChanges } from '../store/changes';
import { seededRandom } from '../seed/history';
import { availableBackends, type TestDatabase } from './support/backends';
import { makeTeam, type TeamFixture } from './support/fixtures';
import { nearDigitBoundary } from './support/xid';

/**
 * A property of the changes feed: whatever the interleaving of writes (committed in any order on
 * PostgreSQL, where transactions overlap) and of pages read with any limit by any number of
 * readers, each reader is handed every change exactly once.
 */
describe.each(availableBackends())('changes feed interleavings on $name', (backend) => {
  let t: TestDatabase;
  let a: TeamFixture;

  beforeAll(async () => {
    t = await backend.create();
    a = await makeTeam(t.db, 'alpha', 'alpha-client.co.id');
  });
  afterAll(() => t.dispose());

  interface Reader {
    cursor: string | undefined;
    seen: string[];
  }

  async function readPage(reader: Reader, limit: number): Promise<boolean> {
    const page = await changesSince(t.db, a.teamId, reader.cursor, limit);
    reader.seen.push(...page.changes.map((c) => c.id));
    reader.cursor = page.cursor;
    return page.more;
  }

  /** A write of `n` changes in one transaction; with `hold`, it stays open until released. */
  function write(n: number, written: string[], hold = false): { done: Promise<void>; release: () => void } {
    let release = () => {};
    const held = hold ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    const ids = Array.from({ length: n }, () => randomUUID());
    const done = t.db
      .transaction(async (tx) => {
        await recordChanges(tx, a.teamId, ids.map((id) => ({ type: 'interaction' as const, id, accountId: a.accountId })));
        await held;
      })
      .then(() => void written.push(...ids));
    return { done, release };
  }

  it.each(['feed-1', 'feed-2', 'feed-3'])('hands every change to every reader exactly once (seed %s)', async (seed) => {
    const random = seededRandom(seed);
    const pick = (n: number) => Math.floor(random() * n);
    const written: string[] = [];
    await nearDigitBoundary(t.db, 40);
    // Readers that start where the feed ends now, so earlier runs' changes are not counted.
    const base = await changesSince(t.db, a.teamId, undefined, 100_000);
    const readers: Reader[] = Array.from({ length: 3 }, () => ({ cursor: base.cursor, seen: [] }));
    // Readers that start at the feed's head at some step, held transactions open or not: each
    // must be handed every change committed after it started, once, and nothing unwritten.
    const late: (Reader & { from: number })[] = [];
    const open: { done: Promise<void>; release: () => void }[] = [];
    const overlapping = backend.name === 'postgres';

    for (let step = 0; step < 250; step++) {
      if (step % 60 === 30) {
        const reader = { cursor: (await changesHead(t.db)).cursor, seen: [], from: written.length };
        late.push(reader);
        readers.push(reader);
      }
      const roll = random();
      if (roll < 0.45) {
        // PGlite runs one transaction at a time: a held one would block every other.
        const hold = overlapping && random() < 0.3 && open.length < 4;
        const w = write(1 + pick(4), written, hold);
        if (hold) open.push(w);
        else await w.done;
      } else if (roll < 0.55 && open.length > 0) {
        const [w] = open.splice(pick(open.length), 1);
        w?.release();
        await w?.done;
      } else {
        const reader = readers[pick(readers.length)];
        if (reader) await readPage(reader, 1 + pick(20));
      }
    }
    for (const w of open) w.release();
    await Promise.all(open.map((w) => w.done));
    for (const reader of readers) while (await readPage(reader, 1 + pick(50)));

    expect(written.length).toBeGreaterThan(100);
    expect(late).toHaveLength(4);
    for (const [i, reader] of late.entries()) {
      expect(new Set(reader.seen).size, `late reader ${i} was handed a change twice`).toBe(reader.seen.length);
      expect(reader.seen.filter((id) => !written.includes(id)), `late reader ${i} was handed what no one wrote`).toEqual([]);
      const due = written.slice(reader.from);
      expect(due.filter((id) => !reader.seen.includes(id)), `late reader ${i} missed changes committed after it started`).toEqual([]);
    }
    for (const [i, reader] of readers.filter((r) => !late.includes(r as Reader & { from: number })).entries()) {
      expect(new Set(reader.seen).size, `reader ${i} was handed a change twice`).toBe(reader.seen.length);
      expect([...reader.seen].sort(), `reader ${i} missed changes`).toEqual([...written].sort());
    }
  });
});
