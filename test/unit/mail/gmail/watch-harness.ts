import { readRowGroup, type RowRead } from '../../../../lib/mail/gmail/list-rows';
import { readListRows } from '../../../../lib/mail/gmail/read-list';
import { readThread } from '../../../../lib/mail/gmail/read-thread';
import type { GmailRoute } from '../../../../lib/mail/gmail/routes';
import { watchGmail } from '../../../../lib/mail/gmail/watch';
import type { ListRow, ReadResult, ThreadContext } from '../../../../lib/mail/types';
import { asDocument } from './dom-types';
import { OURS, openFixture } from './fixture-dom';

/**
 * Runs the watcher over a fixture with a hand-cranked frame clock, counting reads and keeping
 * every callback, and tracking which MutationObservers are live.
 */
export function startWatching(fixture: string, locateFrames = 3, url?: string) {
  const window = openFixture(fixture, url);
  const live = new Set<unknown>();
  const Base = window.MutationObserver;
  // Counts live observers so a test can prove that abort disconnects every one of them.
  class Tracked extends Base {
    override observe(...args: Parameters<InstanceType<typeof Base>['observe']>) { live.add(this); return super.observe(...args); }
    override disconnect() { live.delete(this); return super.disconnect(); }
  }
  (window as unknown as { MutationObserver: typeof Base }).MutationObserver = Tracked;

  const frames: Array<() => void> = [];
  /** Reads of the thread, reads of the list (frames that read rows), and rows read. */
  const reads = { thread: 0, list: 0, rows: 0 };
  const roots: ParentNode[] = [];
  const seen = {
    routes: [] as (GmailRoute | null)[],
    thread: [] as (ReadResult<ThreadContext> | null)[],
    list: [] as (ReadResult<ListRow[]> | null)[],
    /** Every `onRows` call: the rows read, and how many rows the list had. */
    rows: [] as { read: readonly RowRead[]; all: number }[],
  };
  const controller = new AbortController();
  const doc = asDocument(window.document);
  watchGmail(doc, controller.signal, {
    onRoute: (r) => seen.routes.push(r),
    onThread: (r) => seen.thread.push(r),
    onList: (r) => seen.list.push(r),
    onRows: (read, all) => {
      seen.rows.push({ read, all: all.length });
      if (read.length > 0) reads.list++;
    },
  }, {
    ...OURS,
    locateFrames,
    schedule: (fn) => { frames.push(fn); return () => { const i = frames.indexOf(fn); if (i >= 0) frames.splice(i, 1); }; },
    readers: {
      thread: (root, o) => { reads.thread++; roots.push(root); return readThread(root, o); },
      row: (row, group, found) => { reads.rows++; roots.push(row); return readRowGroup(row, group, found); },
      list: (root, o) => { roots.push(root); return readListRows(root, o); },
    },
  });

  /** Lets queued MutationObserver callbacks run (happy-dom delivers them in a microtask). */
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  /** Runs frames until none is pending (bounded, so a scheduling loop fails instead of hanging). */
  const runFrames = async () => {
    await settle();
    for (let i = 0; i < 50 && frames.length > 0; i++) {
      frames.shift()?.();
      await settle();
    }
    if (frames.length > 0) throw new Error('frames keep being scheduled');
  };
  const navigate = (hash: string) => {
    window.happyDOM.setURL(`${window.location.href.split('#')[0]}${hash}`);
    window.dispatchEvent(new window.HashChangeEvent('hashchange'));
  };
  const resetCounts = () => {
    reads.thread = reads.list = reads.rows = 0;
    roots.length = seen.thread.length = seen.list.length = seen.rows.length = 0;
  };
  return { window, doc, frames, reads, roots, seen, live, controller, settle, runFrames, navigate, resetCounts };
}
