/** Chrome's shortest alarm in a packed extension; a sooner retry is also timed inside the worker. */
export const SHORTEST_ALARM_MS = 30_000;

/**
 * While a run sends, an alarm this far ahead stands ready: a worker stopped mid-run (Chrome's
 * limits, a crash) is woken to carry on instead of waiting for the next unrelated event.
 */
export const WATCHDOG_MS = 10_000;

/** The Web Locks API where there is one: no second drain anywhere in the extension, and a stopped worker's lock is freed. */
export async function exclusive<T>(run: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks ? await locks.request('crm-outbox-drain', run) : await run();
}

/**
 * How the outbox gets woken. `schedule` sets the alarm for the next due write (it survives the
 * worker) and, when that is sooner than an alarm can fire, a timer as well (sooner, while the
 * worker lives). `watchdog` keeps an alarm a little ahead while a run sends.
 */
export function createWakeups(
  now: () => number,
  setAlarm: (when: number | null) => Promise<void> | void,
  wake: () => void,
): { schedule: (when: number | null) => Promise<void>; watchdog: () => Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let watchdogAt = -Infinity;
  return {
    async schedule(when) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      watchdogAt = -Infinity;
      const delay = when === null ? Infinity : when - now();
      if (delay < SHORTEST_ALARM_MS) {
        timer = setTimeout(() => {
          timer = null;
          wake();
        }, Math.max(0, delay));
      }
      await setAlarm(when);
    },
    async watchdog() {
      const at = now();
      if (at - watchdogAt < WATCHDOG_MS / 2) return;
      watchdogAt = at;
      await setAlarm(at + WATCHDOG_MS);
    },
  };
}
