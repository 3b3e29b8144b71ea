import type { Db } from '../db';
import { refreshDueSummaries } from '../store/summary-cache';

export interface RefresherOptions {
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** Between runs (default an hour). */
  everyMs?: number;
  /**
   * Summaries computed per batch: one batch holds the database only briefly (default 100 on
   * PostgreSQL; 25 on PGlite, whose one connection serves nothing else meanwhile).
   */
  batch?: number;
  /** Pause between batches of one run, so requests get the database in between (default 20 ms; 50 on PGlite). */
  pauseMs?: number;
  /** Batches per run at most (default 1,000): a run always ends, whatever keeps turning stale. */
  maxBatches?: number;
  onError?: (err: unknown) => void;
}

export interface Refresher {
  /** Runs one pass now (or joins the one under way); resolves with the summaries it looked at. */
  runNow(): Promise<number>;
  /** Stops the timer and waits for a batch under way to finish. */
  stop(): Promise<void>;
}

/**
 * Keeps the stored account summaries current in the background: at start and then every
 * `everyMs`, computes in small batches those that are missing, were made stale by a write, or
 * whose `valid_until` has passed, so that lookups rarely compute one themselves.
 */
export function startSummaryRefresher(db: Db, options: RefresherOptions = {}): Refresher {
  const now = options.now ?? (() => new Date());
  const embedded = db.kind === 'pglite';
  const batch = options.batch ?? (embedded ? 25 : 100);
  const pauseMs = options.pauseMs ?? (embedded ? 50 : 20);
  const maxBatches = options.maxBatches ?? 1_000;
  const onError = options.onError ?? ((err: unknown) => console.error('refreshing account summaries failed:', err));
  let stopped = false;
  let running: Promise<number> | null = null;
  let pause: { timer: NodeJS.Timeout; done: () => void } | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((done) => {
      const timer = setTimeout(() => {
        pause = null;
        done();
      }, ms);
      timer.unref();
      pause = { timer, done };
    });

  const pass = async (): Promise<number> => {
    let total = 0;
    for (let n = 0; n < maxBatches && !stopped; n++) {
      const seen = await refreshDueSummaries(db, now(), batch);
      total += seen;
      if (seen < batch || stopped) break;
      await sleep(pauseMs);
    }
    return total;
  };

  const runNow = (): Promise<number> => {
    running ??= pass()
      .catch((err: unknown) => {
        onError(err);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void runNow(), options.everyMs ?? 3_600_000);
  timer.unref();
  void runNow();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (pause) {
        clearTimeout(pause.timer);
        pause.done();
      }
      await running;
    },
  };
}
