import { afterEach, vi } from 'vitest';
import { readListRow, type RowRead } from '../../../../lib/mail/outlook/list-rows';
import { readListRows } from '../../../../lib/mail/outlook/read-list';
import { readThread } from '../../../../lib/mail/outlook/read-thread';
import type { OutlookRoute } from '../../../../lib/mail/outlook/routes';
import type { OutlookListRow, OutlookThreadContext } from '../../../../lib/mail/outlook/types';
import { watchOutlook } from '../../../../lib/mail/outlook/watch';
import type { ReadResult } from '../../../../lib/mail/types';
import { openFixture, type FixturePage } from './fixture-page';
import { OPTS } from './people.fixture';

/** Animation frames run by hand, so a test decides when "the next frame" is. */
function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    schedule(fn: () => void) {
      queue.push(fn);
      return () => { const at = queue.indexOf(fn); if (at >= 0) queue.splice(at, 1); };
    },
    run() { queue.splice(0).forEach((fn) => fn()); },
    get pending() { return queue.length; },
  };
}

/** Lets the page deliver its mutation records (they arrive after the current task). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let page: FixturePage | null = null;
afterEach(() => { page?.close(); page = null; vi.restoreAllMocks(); });

/** The thread id of a reported read, or `null`. */
export function threadIdOf(result: ReadResult<OutlookThreadContext> | null | undefined): string | null {
  return result?.ok ? result.value.threadId : null;
}

/**
 * Opens `fixture` at `url` and starts a watcher on it with hand-run frames, a hand-fired location
 * event, counting readers, and a record of which observers were created and disconnected.
 */
export function start(fixture: string, url: string, locateFrames = 600) {
  page = openFixture(fixture, url);
  const { doc, win } = page;
  const frames = manualFrames();
  const listeners = new Set<() => void>();
  const read = vi.fn(readThread);
  /** Each read of one row, and each read of the list: a frame that read any row. */
  const readRow = vi.fn(readListRow);
  const readList = vi.fn((_read: readonly RowRead[]) => undefined);
  /** The whole-list reader, used only for a list expected but never found. */
  const readWhole = vi.fn(readListRows);
  const threads: (ReadResult<OutlookThreadContext> | null)[] = [];
  const lists: (ReadResult<OutlookListRow[]> | null)[] = [];
  const routes: (OutlookRoute | null)[] = [];
  const observed = new Set<unknown>();
  const disconnected = new Set<unknown>();
  const proto = win.MutationObserver.prototype;
  const observe = proto.observe;
  const disconnect = proto.disconnect;
  vi.spyOn(proto, 'observe').mockImplementation(function (this: unknown, ...args: Parameters<typeof observe>) { observed.add(this); disconnected.delete(this); return observe.apply(this, args); });
  vi.spyOn(proto, 'disconnect').mockImplementation(function (this: unknown) { disconnected.add(this); return disconnect.apply(this); });
  const controller = new AbortController();
  watchOutlook(doc, controller.signal, {
    onThread: (t) => threads.push(t),
    onRoute: (r) => routes.push(r),
    onList: (l) => lists.push(l),
    onRows: (read) => { if (read.length > 0) readList(read); },
  }, {
    ...OPTS,
    locateFrames,
    schedule: frames.schedule,
    readers: { thread: read, row: readRow, list: readWhole },
    subscribeLocation: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
  });
  const navigate = (to: string) => { win.history.pushState({}, '', to); listeners.forEach((l) => l()); };
  /** Delivers pending mutations and runs frames until none is asked for. */
  const idle = async (max = 20) => { for (let i = 0; i < max; i++) { await settle(); if (frames.pending === 0) return; frames.run(); } };
  return { doc, win, frames, read, readRow, readList, readWhole, lists, threads, routes, controller, listeners, observed, disconnected, navigate, idle };
}
