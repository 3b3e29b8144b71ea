import type { Page } from 'playwright-core';
import type { AccountFacts } from '../crm/ask-crm';
import { swapMain } from '../browser/page-actions';
import { contextSeenAt, shownAt, sidebarFrameFor } from '../browser/sidebar-probe';
import type { ThreadPage } from '../pages/gmail-pages';

/** One thread open, in milliseconds from the thread DOM going in, split where it can be seen from outside. */
export interface OpenTiming {
  total: number;
  /**
   * Until the sidebar frame is handed the thread: the content script noticing the view change,
   * reading it, looking its people up and handing it over, and the browser carrying that across
   * processes (a new frame: its loading).
   */
  handOver: number;
  /** From the hand-over to the client shown (the sidebar's queries and rendering). */
  sidebar: number;
}

/**
 * Opens one thread the way Gmail does (new main region, new hash) and times it from the thread
 * DOM going in (page clock) to the sidebar frame showing the client's account name, stage and
 * every open commitment (frame clock, brought to the page's by `offsetMs`).
 */
export async function openThread(page: Page, thread: ThreadPage, client: AccountFacts, offsetMs: number): Promise<OpenTiming> {
  const t0 = await swapMain(page, thread.html, thread.hash);
  const frame = await sidebarFrameFor(page);
  const done = (await shownAt(frame, thread.threadId, { name: client.name, stage: client.stage, open: client.openCommitments })) - offsetMs;
  const handed = (await contextSeenAt(frame, thread.threadId)) - offsetMs;
  return { total: done - t0, handOver: handed - t0, sidebar: done - handed };
}
