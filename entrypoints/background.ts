// First: must run before any zod schema is built.
import '../lib/config/zod-jitless';
import { browser } from 'wxt/browser';
import { DRAIN_ALARM, SYNC_ALARM, ensureSyncAlarm, scheduleDrainAlarm } from '../lib/background/alarms';
import { createApp } from '../lib/background/app';
import { openCrmDb } from '../lib/background/db';
import { hasHostPermission } from '../lib/background/host-access';
import { createHandlers } from '../lib/background/handlers';
import { listenForNoteShortcut } from '../lib/background/note-shortcut';
import { REQUEST_NAMES, type Requests } from '../lib/background/requests';
import { createSidebarKey, sessionSidebarKeyArea } from '../lib/background/sidebar-key';
import { onMessage, sendMessage } from '../lib/messaging/channel';
import type { CacheChange } from '../lib/messaging/protocol';

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
      // Tabs without our content script refuse the message; nothing to tell there.
      recheck: (emails) => void browser.tabs.query({}).then((tabs) => tabs.forEach((tab) => tab.id !== undefined && void sendMessage('lookupAgain', { emails }, tab.id).catch(() => undefined))),
      permitted: hasHostPermission,
    });
    const identity = { extensionBaseUrl: browser.runtime.getURL('/'), extensionId: browser.runtime.id };
    return { app, handlers: createHandlers(app, identity, undefined, undefined, sidebarKey) };
  });

  // Listeners are registered synchronously so that a message or alarm that woke the worker is seen.
  const route = <K extends Requests>(name: K) =>
    onMessage(name, async ({ data, sender }) => (await ready).handlers[name](data, sender));
  REQUEST_NAMES.forEach(route);

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
