import type { Frame, Page } from 'playwright-core';

/** What the sidebar frame showed, and when (performance.timeOrigin + performance.now(), in the frame). */
export interface ShownState {
  /** The id of the thread last handed to the frame (in its URL on load, then in messages). */
  thread: string;
  name: string;
  stage: string;
  /** Open commitments listed. */
  open: number;
  at: number;
}

/** When the frame was handed a thread: in its URL on load, or a `crm:context` message (or a hash change). */
export interface ContextSeen {
  thread: string;
  at: number;
}

interface Probe {
  states: ShownState[];
  contexts: ContextSeen[];
  /** Called with each new state (see `shownAt`). */
  watchers: Set<(state: ShownState) => void>;
}

type ProbeWindow = Window & { __benchSidebar?: Probe };

/**
 * Runs in every `sidebar.html` frame before its scripts (an init script): a MutationObserver on
 * the whole document notes each time the shown account name, stage or number of open commitments
 * changes, with the id of the thread last handed to the frame, and when each was handed to it
 * (its listener runs before the sidebar's own). It also answers clock pings from the mail page,
 * so frame and page timestamps can be compared. Keeps the last 20 of each only.
 */
export function installSidebarProbe(): void {
  if (location.protocol !== 'chrome-extension:' || location.pathname !== '/sidebar.html') return;
  const win = window as ProbeWindow;
  const probe: Probe = { states: [], contexts: [], watchers: new Set() };
  win.__benchSidebar = probe;
  let last = '';
  const threadOf = () => {
    try {
      return (JSON.parse(decodeURIComponent(location.hash.slice(1))) as { threadId?: string }).threadId ?? '';
    } catch {
      return '';
    }
  };
  // The thread last handed to the frame (the sidebar rewrites its own URL only after painting it).
  let thread = threadOf();
  const check = () => {
    const name = document.querySelector('[data-testid="account-name"]')?.textContent ?? '';
    const stage = document.querySelector('[data-testid="stage"]')?.getAttribute('data-stage') ?? '';
    const open = document.querySelectorAll('[data-testid="commitments"] [data-testid="commitment"][data-status="open"]').length;
    const key = `${thread}|${name}|${stage}|${open}`;
    if (key === last) return;
    last = key;
    const state = { thread, name, stage, open, at: performance.timeOrigin + performance.now() };
    probe.states.push(state);
    if (probe.states.length > 20) probe.states.shift();
    for (const watcher of probe.watchers) watcher(state);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const seen = (id: string) => {
    thread = id;
    probe.contexts.push({ thread: id, at: performance.timeOrigin + performance.now() });
    if (probe.contexts.length > 20) probe.contexts.shift();
  };
  seen(threadOf());
  window.addEventListener('hashchange', () => {
    seen(threadOf());
    check();
  });
  const noteHanded = (data: unknown) => {
    const handed = data as { type?: unknown; context?: { threadId?: unknown } } | null;
    if (handed?.type === 'crm:context' && typeof handed.context?.threadId === 'string') seen(handed.context.threadId);
  };
  window.addEventListener('message', (event: MessageEvent) => {
    noteHanded(event.data);
    // Threads come through the channel the content script hands over on load; listening here
    // first, the probe sees each one before the sidebar does.
    const port = (event.data as { type?: unknown } | null)?.type === 'crm:port' ? event.ports[0] : undefined;
    port?.addEventListener('message', (portEvent: MessageEvent) => noteHanded(portEvent.data));
    const data = event.data as { benchPing?: number } | null;
    if (typeof data?.benchPing !== 'number') return;
    window.parent.postMessage({ benchPong: data.benchPing, at: performance.timeOrigin + performance.now() }, '*');
  });
}

export const SIDEBAR_SELECTOR = 'iframe[data-crm-overlay="sidebar"]';
/** The sidebar frame put away while the list is shown (kept loaded for the next thread). */
export const PARKED_SIDEBAR_SELECTOR = 'iframe[data-crm-overlay="sidebar-parked"]';

/** The sidebar frame (a new one names its first thread in its src; later threads are messages to it). */
export async function sidebarFrameFor(page: Page, timeoutMs = 30_000): Promise<Frame> {
  const handle = await page.waitForSelector(SIDEBAR_SELECTOR, { state: 'attached', timeout: timeoutMs });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the sidebar iframe has no frame');
  return frame;
}

/** How a wait for the client shown fails when the sidebar never showed it. */
const NOT_SHOWN = 'the sidebar did not show';

/**
 * The frame time at which it first showed `want` for `thread`; waits for it (bounded). The wait
 * is told by the probe's observer: no polling runs in the frame while the sidebar renders
 * (`waitForFunction` would run its check on every animation frame).
 */
export async function shownAt(frame: Frame, thread: string, want: Omit<ShownState, 'thread' | 'at'>, timeoutMs = 30_000): Promise<number> {
  try {
    return await waitShown(frame, thread, want, timeoutMs);
  } catch (error) {
    // A frame just created may still hold its first, empty document: wait for sidebar.html's probe.
    // A sidebar that did not show the client in time is an answer, not a reason to wait again.
    if (frame.isDetached() || String(error).includes(NOT_SHOWN)) throw error;
    await frame.waitForFunction(() => (window as ProbeWindow).__benchSidebar !== undefined, undefined, { timeout: timeoutMs });
    return waitShown(frame, thread, want, timeoutMs);
  }
}

function waitShown(frame: Frame, thread: string, want: Omit<ShownState, 'thread' | 'at'>, timeoutMs: number): Promise<number> {
  return frame.evaluate(([id, w, limit, notShown]) => new Promise<number>((done, fail) => {
    const probe = (window as ProbeWindow).__benchSidebar;
    if (!probe) return fail(new Error('no sidebar probe in the frame'));
    const matches = (s: ShownState) => s.thread === id && s.name === w.name && s.stage === w.stage && s.open === w.open;
    const already = probe.states.find(matches);
    if (already) return done(already.at);
    const timer = setTimeout(() => {
      probe.watchers.delete(watcher);
      fail(new Error(`${notShown} ${JSON.stringify(w)} for ${id} within ${limit} ms`));
    }, limit);
    const watcher = (s: ShownState) => {
      if (!matches(s)) return;
      clearTimeout(timer);
      probe.watchers.delete(watcher);
      done(s.at);
    };
    probe.watchers.add(watcher);
  }), [thread, want, timeoutMs, NOT_SHOWN] as const);
}

/** The frame time at which the frame was first handed `thread` (0 if not seen). */
export async function contextSeenAt(frame: Frame, thread: string): Promise<number> {
  return frame.evaluate((id) => (window as ProbeWindow).__benchSidebar?.contexts.find((h) => h.thread === id)?.at ?? 0, thread);
}
