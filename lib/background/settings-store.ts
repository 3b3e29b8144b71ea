import { EMPTY_SETTINGS, Settings } from '../config/settings';
import type { Db } from './db';

/** The saved settings, or the empty ones; a record that no longer parses is treated as unset. */
export async function loadSettings(db: Db): Promise<Settings> {
  const stored = await db.get('settings', 'settings');
  const parsed = Settings.safeParse(stored ?? EMPTY_SETTINGS);
  return parsed.success ? parsed.data : EMPTY_SETTINGS;
}

/** Saves already-checked settings; returns what was stored. */
export async function storeSettings(db: Db, settings: Settings): Promise<Settings> {
  await db.put('settings', settings, 'settings');
  return settings;
}

/** Whether the API URL or token changed, which makes every cached answer someone else's. */
export function connectionChanged(before: Settings, after: Settings): boolean {
  return before.apiUrl !== after.apiUrl || before.token !== after.token;
}
