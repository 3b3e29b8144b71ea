/** How many requests of one token run at once, and how many may wait for their turn. */
export interface InFlightLimit {
  running: number;
  queued: number;
  /** A request that waited this long is answered 429 instead of run late. */
  maxWaitMs: number;
}

/** One token's running requests and the queue of those waiting, oldest first. */
export interface Lane {
  running: number;
  waiting: { go: (ok: boolean) => void; timer: NodeJS.Timeout }[];
}

export const newLane = (): Lane => ({ running: 0, waiting: [] });

/**
 * A turn to run: while fewer than `limit.running` of this token's requests run, else in this
 * token's own queue, so a burst waits behind itself and not in front of other tokens. Resolves
 * false when the queue is full or the wait too long (the caller answers 429); `true` obliges the
 * caller to `leave` afterwards.
 *
 * Even a free slot is taken from `setImmediate`, once the event loop has read every request that
 * arrived with this one. The embedded database answers a statement within the same run of
 * microtasks that sent it, so a request that went straight on would be answered before the loop
 * read the next socket: a client with 64 requests waiting on 64 sockets would have all of them
 * answered, one after the other, before another client's one request was even read. Deferred,
 * each round runs at most `running` requests of each token that has some ready.
 */
export function enter(lane: Lane, limit: InFlightLimit): Promise<boolean> {
  if (lane.running < limit.running) {
    lane.running++;
    return new Promise((resolve) => setImmediate(() => resolve(true)));
  }
  if (lane.waiting.length >= limit.queued) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    const waiter = {
      go: resolve,
      timer: setTimeout(() => {
        const i = lane.waiting.indexOf(waiter);
        if (i >= 0) lane.waiting.splice(i, 1);
        resolve(false);
      }, limit.maxWaitMs),
    };
    lane.waiting.push(waiter);
  });
}

/** Ends a turn, then lets waiters in while fewer than `running` run (the limit may have grown). */
export function leave(lane: Lane, running: number): void {
  lane.running--;
  while (lane.running < running) {
    const next = lane.waiting.shift();
    if (!next) return;
    clearTimeout(next.timer);
    lane.running++;
    // From setImmediate too, for the same reason as in `enter`.
    setImmediate(() => next.go(true));
  }
}

export const laneBusy = (lane: Lane): boolean => lane.running > 0 || lane.waiting.length > 0;
