import type { Db } from '../db';
import type { Statement } from './recording-db';

export interface RawLoadOutput {
  latenciesMs: number[];
  errors: number;
  firstError: string | null;
  seconds: number;
}

/**
 * Replays, at the same concurrency, the statements recorded behind each API request straight to
 * the database, each under the name the API prepared it with (so both sides plan a named
 * statement once per connection): one "request" is its statements sent one after another (where
 * the API runs two at once on PostgreSQL, this is slightly slower than the API, so the ratio
 * errs in its favour).
 */
export async function rawLoad(db: Db, requests: readonly Statement[][], concurrency: number, seconds: number): Promise<RawLoadOutput> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const statements = requests[next++ % requests.length]!;
      const t0 = performance.now();
      try {
        for (const s of statements) await db.query(s.sql, s.params, s.name);
        latenciesMs.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { latenciesMs, errors, firstError, seconds: (performance.now() - started) / 1000 };
}
