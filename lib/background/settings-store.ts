import { EMPTY_SETTINGS, StoredSettings, type Settings } from '../config/settings';
import type { Db } from './db';

/**
 * The saved settings, or the empty ones; a record that no longer parses is treated as unset. A
 * plain-http address to another computer saved by an older version is kept as it is, for the
 * user to see and change: the connection refuses to use it.
 */
async function readSettings(db: Db): Promise<Settings> {
  const stored = await db.get('settings', 'settings');
  const parsed = StoredSettings.safeParse(stored ?? EMPTY_SETTINGS);
  return parsed.success ? parsed.data : EMPTY_SETTINGS;
}

/**
 * The settings are read from the database once per worker and kept: every lookup needs them,
 * and only `storeSettings` changes them (which replaces what is kept).
 */
const kept = new WeakMap<Db, Promise<Settings>>();

export function loadSettings(db: Db): Promise<Settings> {
  let settings = kept.get(db);
  if (!settings) {
    settings = readSettings(db);
    kept.set(db, settings);
    settings.catch(() => kept.delete(db));
  }
  return settings;
}

/** Saves already-checked settings; returns what was stored. */
export async function storeSettings(db: Db, settings: Settings): Promise<Settings> {
  const stored = db.put('settings', settings, 'settings').then(() => settings);
  // Readers from now on get the new settings once they are stored (or what is stored, if that failed).
  kept.set(db, stored.catch(() => readSettings(db)));
  await stored;
  return settings;
}

/** Whether the API URL or token changed, which makes every cached answer someone else's. */
export function connectionChanged(before: Settings, after: Settings): boolean {
  return before.apiUrl !== after.apiUrl || before.token !== after.token;
}
