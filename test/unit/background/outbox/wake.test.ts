import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHORTEST_ALARM_MS, WATCHDOG_MS, createWakeups } from '../../../../lib/background/outbox/wake';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function wakeups() {
  const clock = { now: 1_000_000 };
  const alarms: (number | null)[] = [];
  const wake = vi.fn();
  const w = createWakeups(() => clock.now, (when) => void alarms.push(when), wake);
  return { clock, alarms, wake, ...w };
}

describe('waking the outbox', () => {
  it.each<[string, number | null, boolean]>([
    ['a retry in 2 s: timer and alarm', 2_000, true],
    ['one just short of the shortest alarm', SHORTEST_ALARM_MS - 1, true],
    ['one in a minute: the alarm alone', 60_000, false],
    ['nothing due: the alarm is cleared', null, false],
  ])('%s', async (_, delay, timed) => {
    const { clock, alarms, wake, schedule } = wakeups();
    const when = delay === null ? null : clock.now + delay;
    await schedule(when);
    expect(alarms).toEqual([when]);
    vi.advanceTimersByTime(SHORTEST_ALARM_MS);
    expect(wake).toHaveBeenCalledTimes(timed ? 1 : 0);
  });

  it('replaces the timer when the next wake-up changes', async () => {
    const { clock, wake, schedule } = wakeups();
    await schedule(clock.now + 1_000);
    await schedule(clock.now + 5_000);
    vi.advanceTimersByTime(4_000);
    expect(wake).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('keeps an alarm ahead while a run sends, re-arming it only when half of it has passed', async () => {
    const { clock, alarms, watchdog, schedule } = wakeups();
    await watchdog();
    clock.now += WATCHDOG_MS / 2 - 1;
    await watchdog();
    clock.now += 1;
    await watchdog();
    expect(alarms).toEqual([1_000_000 + WATCHDOG_MS, clock.now + WATCHDOG_MS]);
    await schedule(null); // the run ended: its own alarm replaces the watchdog's
    await watchdog();
    expect(alarms.slice(-2)).toEqual([null, clock.now + WATCHDOG_MS]);
  });
});
