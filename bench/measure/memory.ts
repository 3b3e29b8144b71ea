import type { CDPSession } from 'playwright-core';
import type { BenchCrm } from '../crm/start-crm';
import type { MailSession } from '../browser/session';
import { attachToTarget, type TargetLink } from '../cdp/worker-session';
import { measureClockOffset } from '../browser/clock';
import { SIDEBAR_SELECTOR } from '../browser/sidebar-probe';
import { swapMain } from '../browser/page-actions';
import { emptyInboxPage, threadPage, type ThreadPage } from '../pages/gmail-pages';
import { round } from '../report/stats';
import { openThread } from './thread-open';
import { nextOpen, threadClients } from './time-to-context';

const MB = 1024 * 1024;
/** Heap growth over the run (after forced GC) beyond this counts as a leak. */
export const GROWTH_TOLERANCE = { mb: 1, share: 0.1 };

export interface MemorySample {
  opens: number;
  contentScriptMB: number;
  workerMB: number;
  /** The sidebar frame's heap (an extension page in its own process). */
  sidebarMB: number;
  domNodes: number;
  listeners: number;
}

export interface MemoryRun {
  samples: MemorySample[];
  /** The same thread page's heap in a tab the content script does not run in (another origin). */
  baselineTabMB: number;
  /** Each open's total ms during the run (all warm). */
  openMs: number[];
}

interface HeapUsage { usedSize: number }
interface DomCounters { documents: number; nodes: number; jsEventListeners: number }

async function pageHeap(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = (await cdp.send('Memory.getDOMCounters')) as DomCounters;
  return { mb: usedSize / MB, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

async function workerHeap(worker: TargetLink): Promise<number> {
  await worker.send('HeapProfiler.collectGarbage');
  return (await worker.send<HeapUsage>('Runtime.getHeapUsage')).usedSize / MB;
}

/**
 * Opens `opens` threads (cycling over the thread clients, all cached by then) and samples, after
 * forced garbage collection, the mail tab's JS heap (its isolate holds the content script's
 * world; the fixture pages run no script of their own), its DOM node and listener counts, and
 * the background service worker's and the sidebar frame's heaps, every `every` opens.
 */
export async function measureMemory(session: MailSession, crm: BenchCrm, opts: { opens: number; every: number; clients: number }): Promise<MemoryRun> {
  const clients = await threadClients(crm, opts.clients);
  const browser = session.ext.context.browser();
  if (!browser) throw new Error('no browser to reach the service worker through');
  const worker = await attachToTarget(browser, 'service_worker', session.ext.url('background.js'));
  const clock = await measureClockOffset(session.page);
  const frame = await (await session.page.waitForSelector(SIDEBAR_SELECTOR, { state: 'attached' }))?.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  // Thread switches change only the frame's hash, so this frame stays for the whole run.
  const frameCdp = await session.ext.context.newCDPSession(frame);
  const samples: MemorySample[] = [];
  const openMs: number[] = [];
  const sample = async (opens: number) => {
    const page = await pageHeap(session.cdp);
    const sidebar = await pageHeap(frameCdp);
    samples.push({
      opens, contentScriptMB: round(page.mb, 3), workerMB: round(await workerHeap(worker), 3), sidebarMB: round(sidebar.mb, 3),
      domNodes: page.nodes, listeners: page.listeners,
    });
  };
  try {
    await sample(0);
    for (let k = 1; k <= opts.opens; k++) {
      // Never the same client twice in a row: each open is a real switch.
      const i = (k * 7) % clients.length;
      const client = clients[i];
      if (!client) throw new Error(`no thread client ${i}`);
      openMs.push((await openThread(session.page, threadPage(i, nextOpen()), client, clock.offsetMs)).total);
      if (k % opts.every === 0 || k === opts.opens) await sample(k);
    }
  } finally {
    await worker.detach();
    await frameCdp.detach().catch(() => undefined);
  }
  return { samples, openMs, baselineTabMB: round(await baselineTabMB(session, threadPage(0, nextOpen())), 3) };
}

/**
 * A tab with the same kind of page and the same page-world helpers, served from an origin the
 * content script does not match (so in another renderer): what the mail tab's heap holds
 * without the content script. Taken last, since a second tab hides the mail tab.
 */
async function baselineTabMB(session: MailSession, thread: ThreadPage): Promise<number> {
  const { context } = session.ext;
  await context.route('https://baseline.invalid/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: emptyInboxPage() }));
  const page = await context.newPage();
  try {
    await page.goto('https://baseline.invalid/mail/u/0/#inbox');
    await swapMain(page, thread.html, thread.hash);
    const cdp = await context.newCDPSession(page);
    return (await pageHeap(cdp)).mb;
  } finally {
    await page.close();
  }
}

/** Whether a heap grew from the first sample to the last beyond the tolerance. */
export function grew(first: number, last: number): boolean {
  return last - first > Math.max(GROWTH_TOLERANCE.mb, first * GROWTH_TOLERANCE.share);
}
