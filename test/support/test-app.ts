import { createApp, type AppDeps } from '../../lib/background/app';
import { openCrmDb, type Db } from '../../lib/background/db';
import { storeSettings } from '../../lib/background/settings-store';
import { EMPTY_SETTINGS, type Settings } from '../../lib/config/settings';
import type { CacheChange } from '../../lib/messaging/protocol';

export const API_URL = 'https://crm.example.test';

/** A fresh database (fake-indexeddb) per test, so tests can't see each other's data. */
export function freshDb(): Promise<Db> {
  return openCrmDb(`test-${crypto.randomUUID()}`);
}

export interface TestApp {
  db: Db;
  app: ReturnType<typeof createApp>;
  clock: { now: number };
  notified: CacheChange[];
  scheduled: (number | null)[];
}

/** The background's services over fakes: a settable clock, a fake fetch, recorded notifications. */
export async function testApp(fetch: typeof globalThis.fetch, settings: Partial<Settings> | null = {}, extra: Partial<AppDeps> = {}): Promise<TestApp> {
  const db = await freshDb();
  if (settings) await storeSettings(db, { ...EMPTY_SETTINGS, apiUrl: API_URL, token: 'secret-token', ...settings });
  const clock = { now: Date.parse('2026-11-23T09:00:00Z') };
  const notified: CacheChange[] = [];
  const scheduled: (number | null)[] = [];
  const app = createApp({
    db,
    fetch,
    now: () => clock.now,
    random: () => 0.5,
    notify: (change) => notified.push(change),
    scheduleDrain: (when) => void scheduled.push(when),
    ...extra,
  });
  return { db, app, clock, notified, scheduled };
}
