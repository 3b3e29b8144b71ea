// First: must run before any zod schema is built.
import '../lib/config/zod-jitless';
import { browser } from 'wxt/browser';
import { DRAIN_ALARM, SYNC_ALARM, ensureSyncAlarm, scheduleDrainAlarm } from '../lib/background/alarms';
import { createApp } from '../lib/background/app';
import { openCrmDb } from '../lib/background/db';
import { hasHostPermission } from '../lib/background/host-access';
import { createHandlers, type Handlers } from '../lib/background/handlers';
import { listenForNoteShortcut } from '../lib/background/note-shortcut';
import { createSidebarKey, sessionSidebarKeyArea } from '../lib/background/sidebar-key';
import { onMessage, sendMessage } from '../lib/messaging/channel';
import type { CacheChange } from '../lib/messaging/protocol';

/** Every request the background answers; a Record so that a message added to the protocol can't be missed here. */
const REQUESTS: Record<keyof Handlers, true> = {
  getSettings: true, saveSettings: true, testConnection: true, lookup: true, lookupThread: true, getAccount: true, getTimeline: true,
  getCommitments: true, enqueueWrite: true, getOutboxStatus: true, retryWrite: true, updateFailedWrite: true, discardWrite: true, getStatus: true,
  reportLayout: true, getLayoutHealth: true, sidebarKey: true,
};

// Non-persistent where the browser offers the choice (Firefox MV2): alarms and messages wake it.
export default defineBackground({ persistent: false, main });

function main(): void {
  // Made (or read back) at once, so it is in session storage before a sidebar frame looks for it.
  const sidebarKey = createSidebarKey(sessionSidebarKeyArea());
  void sidebarKey.get().catch(() => undefined);
  const ready = openCrmDb().then((db) => {
    const app = createApp({
      db,
      notify: (change: CacheChange) => {
        // No extension page open means nobody to tell; that is fine.
        sendMessage('cacheChanged', change).catch(() => undefined);
      },
      scheduleDrain: scheduleDrainAlarm,
      permitted: hasHostPermission,
    });
    const identity = { extensionBaseUrl: browser.runtime.getURL('/'), extensionId: browser.runtime.id };
    return { app, handlers: createHandlers(app, identity, undefined, undefined, sidebarKey) };
  });

  // Listeners are registered synchronously so that a message or alarm that woke the worker is seen.
  const route = <K extends keyof Handlers>(name: K) =>
    onMessage(name, async ({ data, sender }) => (await ready).handlers[name](data, sender));
  (Object.keys(REQUESTS) as (keyof Handlers)[]).forEach(route);

  browser.alarms.onAlarm.addListener((alarm) => {
    void ready.then(async ({ app }) => {
      // Failures are recorded in the outbox items and the status; the next alarm tries again.
      if (alarm.name === DRAIN_ALARM) await app.drain().catch(() => undefined);
      if (alarm.name === SYNC_ALARM) await app.sync().catch(() => undefined);
    });
  });

  listenForNoteShortcut();
  void ensureSyncAlarm();
  void ready.then(({ app }) => app.startup()).catch(() => undefined);
  // Browser start-up: registering for it makes Chrome start the worker then, so queued writes go out.
  browser.runtime.onStartup.addListener(() => void ready.then(({ app }) => app.drain({ retryWaiting: true })).catch(() => undefined));
}
