import { browser } from 'wxt/browser';

export const DRAIN_ALARM = 'outbox-drain';
export const SYNC_ALARM = 'changes-sync';
/** How often the changes feed is read; Chrome fires alarms at most every 30 s. */
export const SYNC_PERIOD_MINUTES = 2;

/** Alarms survive the worker being stopped, unlike timers, so retries happen even after idling. */
export async function scheduleDrainAlarm(when: number | null): Promise<void> {
  if (when === null) await browser.alarms.clear(DRAIN_ALARM);
  else await browser.alarms.create(DRAIN_ALARM, { when: Math.max(when, Date.now() + 1000) });
}

export async function ensureSyncAlarm(): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (!existing) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
}
