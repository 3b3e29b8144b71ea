import type { Frame, Page } from 'playwright-core';

/** What the sidebar frame showed, and when (performance.timeOrigin + performance.now(), in the frame). */
export interface ShownState {
  /** The thread id in the frame's hash. */
  thread: string;
  name: string;
  stage: string;
  /** Open commitments listed. */
  open: number;
  at: number;
}

/** When the frame saw the hash of a thread (its hashchange, or its first check on load). */
export interface HashSeen {
  thread: string;
  at: number;
}

type ProbeWindow = Window & { __benchSidebar?: { states: ShownState[]; hashes: HashSeen[] } };

/**
 * Runs in every `sidebar.html` frame before its scripts (an init script): a MutationObserver on
 * the whole document notes each time the shown account name, stage or number of open commitments
 * changes, with the thread id from the hash. It also answers clock pings from the mail page, so
 * frame and page timestamps can be compared. Keeps the last 20 states only.
 */
export function installSidebarProbe(): void {
  if (location.protocol !== 'chrome-extension:' || location.pathname !== '/sidebar.html') return;
  const win = window as ProbeWindow;
  const probe = { states: [] as ShownState[], hashes: [] as HashSeen[] };
  win.__benchSidebar = probe;
  let last = '';
  const threadOf = () => {
    try {
      return (JSON.parse(decodeURIComponent(location.hash.slice(1))) as { threadId?: string }).threadId ?? '';
    } catch {
      return '';
    }
  };
  const check = () => {
    const name = document.querySelector('[data-testid="account-name"]')?.textContent ?? '';
    const stage = document.querySelector('[data-testid="stage"]')?.getAttribute('data-stage') ?? '';
    const open = document.querySelectorAll('[data-testid="commitments"] [data-testid="commitment"][data-status="open"]').length;
    const thread = threadOf();
    const key = `${thread}|${name}|${stage}|${open}`;
    if (key === last) return;
    last = key;
    probe.states.push({ thread, name, stage, open, at: performance.timeOrigin + performance.now() });
    if (probe.states.length > 20) probe.states.shift();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const hashSeen = () => {
    probe.hashes.push({ thread: threadOf(), at: performance.timeOrigin + performance.now() });
    if (probe.hashes.length > 20) probe.hashes.shift();
  };
  hashSeen();
  window.addEventListener('hashchange', () => {
    hashSeen();
    check();
  });
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { benchPing?: number } | null;
    if (typeof data?.benchPing !== 'number') return;
    window.parent.postMessage({ benchPong: data.benchPing, at: performance.timeOrigin + performance.now() }, '*');
  });
}

export const SIDEBAR_SELECTOR = 'iframe[data-crm-overlay="sidebar"]';

/** The sidebar frame showing thread `threadId` (its iframe's src carries the id in the hash). */
export async function sidebarFrameFor(page: Page, threadId: string, timeoutMs = 30_000): Promise<Frame> {
  const handle = await page.waitForSelector(`${SIDEBAR_SELECTOR}[src*="${threadId}"]`, { state: 'attached', timeout: timeoutMs });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the sidebar iframe has no frame');
  return frame;
}

/** The frame time at which it first showed `want` for `thread`; waits for it (bounded). */
export async function shownAt(frame: Frame, thread: string, want: Omit<ShownState, 'thread' | 'at'>, timeoutMs = 30_000): Promise<number> {
  const handle = await frame.waitForFunction(([id, w]) => {
    const states = (window as ProbeWindow).__benchSidebar?.states ?? [];
    return states.find((s) => s.thread === id && s.name === w.name && s.stage === w.stage && s.open === w.open)?.at ?? 0;
  }, [thread, want] as const, { timeout: timeoutMs });
  return (await handle.jsonValue()) as number;
}

/** The frame time at which the frame first had `thread` in its hash (0 if not seen). */
export async function hashSeenAt(frame: Frame, thread: string): Promise<number> {
  return frame.evaluate((id) => (window as ProbeWindow).__benchSidebar?.hashes.find((h) => h.thread === id)?.at ?? 0, thread);
}
